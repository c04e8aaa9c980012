import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  LoginSchema,
  MeSchema,
  ProblemSchema,
  permissionsOf,
  requiresTotp,
  SessionSchema,
  TotpEnableSchema,
  TotpSetupSchema,
} from '@fengqiao/shared';
import type { ContextOf } from '../../http/request-context.js';
import { sendNoContent } from '../../http/request-context.js';
import { sessionCookieAttributes } from '../../http/session-cookie.js';
import type { SystemContext } from '../../security/context.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { getMeUser } from '../users/index.js';
import { actorFromUser } from './actor-from-user.js';
import { AUTH_POLICY, SESSION_COOKIE } from './auth-policy.js';
import { login } from './login.service.js';
import { revokeSession } from './session.repository.js';
import { enableTotp, setUpTotp } from './totp.service.js';

export interface AuthRoutesOptions {
  contextOf: ContextOf;
  system: SystemContext;
  cookieSecure: boolean;
}

const problems = { 401: ProblemSchema, 403: ProblemSchema, 423: ProblemSchema, 429: ProblemSchema };

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { contextOf, system, cookieSecure },
) => {
  const me = async (ctx: ReturnType<ContextOf>) => {
    const user = await getMeUser(ctx);
    return {
      user,
      permissions: ctx.actor.totpEnrollmentRequired ? [] : permissionsOf(user.roles),
      totpRequired: requiresTotp(user.roles),
      totpEnrollmentRequired: ctx.actor.totpEnrollmentRequired,
    };
  };

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: LoginSchema,
        response: { 200: MeSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await login(system, {
        body: request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousCookie: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, result.cookieValue, {
        ...sessionCookieAttributes(cookieSecure),
        maxAge: AUTH_POLICY.absoluteHours * 3600,
      });
      const actor = actorFromUser(result.user, { sessionId: result.sessionId });
      return me({ db: system.db, keys: system.keys, ip: request.ip, actor });
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: { type: 'null' } } },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor?.sessionId) {
        await revokeSession(system.db, actor.sessionId);
        await recordAudit(system.db, system.keys.audit, {
          actor: auditActorOf(actor),
          action: 'auth.logout',
          objectType: 'user',
          objectId: actor.userId,
          result: 'ok',
          ip: request.ip,
        });
      }
      reply.clearCookie(SESSION_COOKIE, sessionCookieAttributes(cookieSecure));
      return sendNoContent(reply);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { duringTotpEnrollment: true },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema, 401: ProblemSchema } },
    },
    async (request) => me(contextOf(request)),
  );

  // For the web app at start-up: signed out is a normal state there, so it is a 200, not a 401 that
  // every browser logs as a failed request. Scripts keep /auth/me and its 401.
  app.get(
    '/auth/session',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '当前会话（未登录时 me 为 null）',
        response: { 200: SessionSchema, 401: ProblemSchema },
      },
    },
    async (request) => ({ me: request.actor ? await me(contextOf(request)) : null }),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { duringTotpEnrollment: true },
      schema: {
        tags: ['auth'],
        summary: '生成两步验证密钥',
        response: { 200: TotpSetupSchema, 409: ProblemSchema },
      },
    },
    async (request) => setUpTotp(contextOf(request)),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { duringTotpEnrollment: true },
      schema: {
        tags: ['auth'],
        summary: '启用两步验证',
        body: TotpEnableSchema,
        response: { 204: { type: 'null' }, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      await enableTotp(contextOf(request), request.body.totp);
      return sendNoContent(reply);
    },
  );
};
