import { createQueryClient } from '../lib/query/query-client';

// One cache for every screen after sign-in (the shell and its pages, the print and TOTP pages),
// emptied whenever the signed-in user changes (QueryProvider).
export const queryClient = createQueryClient();
