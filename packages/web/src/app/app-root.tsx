import { RouterProvider } from 'react-router';
import { AuthProvider } from '../lib/auth/auth-context';
import { QueryProvider } from '../lib/query/query-provider';
import { router } from './router';

/** Session, query cache and router. antd's providers wrap the screens drawn with it (antd-shell.tsx). */
export function AppRoot() {
  return (
    <AuthProvider>
      <QueryProvider>
        <RouterProvider router={router} />
      </QueryProvider>
    </AuthProvider>
  );
}
