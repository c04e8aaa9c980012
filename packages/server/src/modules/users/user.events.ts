import type { DbOrTx } from '../../db/client.js';

/** Runs inside the transaction that changed the account, so it commits or rolls back with the change. */
export type AccessLostHandler = (tx: DbOrTx, userId: string) => Promise<void>;

/**
 * An account lost access (disabled, roles or scope changed, password reset). Users announce it; the
 * modules that hold access for an account (auth's sessions) register their reaction here, wired in
 * app.ts, so users never import them.
 */
export interface UserEvents {
  onAccessLost(handler: AccessLostHandler): void;
  accessLost(tx: DbOrTx, userId: string): Promise<void>;
}

export function createUserEvents(): UserEvents {
  const handlers: AccessLostHandler[] = [];
  return {
    onAccessLost: (handler) => {
      handlers.push(handler);
    },
    accessLost: async (tx, userId) => {
      for (const handler of handlers) await handler(tx, userId);
    },
  };
}
