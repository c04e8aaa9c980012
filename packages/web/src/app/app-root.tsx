import { RouterProvider } from 'react-router';
import { AuthProvider } from '../lib/auth/auth-context';
import { router } from './router';

/** Session and router. antd's providers wrap the screens drawn with it (antd-shell.tsx). */
export function AppRoot() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
