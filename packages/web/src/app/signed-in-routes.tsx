import { QueryProvider } from '../lib/query/query-provider';
import { AppLayout } from './app-layout';
import { queryClient } from './query-client';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';

// The signed-in shell, drawn without antd: it loads after sign-in with the query cache; antd comes
// with the pages (and the org tree) that use it, each wrapped in antd's providers (lazyWithAntd).

/** `/` and below: the signed-in shell (menu, org tree, header) around the page. */
export function SignedInLayout() {
  return (
    <QueryProvider client={queryClient}>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </QueryProvider>
  );
}

export { RequirePermission };
