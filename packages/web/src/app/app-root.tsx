import { RouterProvider } from 'react-router';
import { AuthProvider } from '../lib/auth/auth-context';
import { router } from './router';

/**
 * Session and router. The query cache wraps the signed-in screens, antd's providers each part drawn
 * with antd (lib/antd/lazy-with-antd.tsx): the sign-in page needs neither.
 */
export function AppRoot() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
