import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import type { Actor } from '../security/actor.js';
import type { ServiceContext } from '../security/context.js';
import type { Keys } from '../security/secret-key.js';
import { unauthenticated } from './app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Reachable by an admin who has not yet set up TOTP (to set it up). */
    duringTotpEnrollment?: boolean;
  }
}

export function contextFactory(db: Db, keys: Keys) {
  return (request: FastifyRequest): ServiceContext => {
    if (!request.actor) throw unauthenticated();
    return { db, keys, actor: request.actor, ip: request.ip };
  };
}

export type ContextOf = ReturnType<typeof contextFactory>;

export function sendNoContent(reply: FastifyReply) {
  return reply.status(204).send();
}
