import { RouterProvider } from 'react-router';
import { AuthProvider } from '../lib/auth/auth-context';
import { router } from './router';

/**
 * Session and router. antd's providers and the query cache wrap the screens drawn with antd
 * (antd-routes.tsx): the sign-in page needs neither.
 */
export function AppRoot() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
