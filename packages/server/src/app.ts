import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pg from 'pg';
import type { Database } from './db/client.js';
import { AppError, notFound } from './http/app-error.js';
import { registerAuthentication } from './http/authentication.js';
import { appShellPolicy, DOOR_PLATE_POLICY } from './http/content-security-policy.js';
import { registerCrossSiteGuard } from './http/cross-site-guard.js';
import { type DoorPlateVisits, doorPlatePage, doorPlateVisits } from './http/door-plate-page.js';
import { answerFrameworkError, registerErrorHandler, sendProblem } from './http/error-handler.js';
import { withPrivacySerializers } from './http/log-options.js';
import { contextFactory } from './http/request-context.js';
import { registerRequestLog } from './http/request-log.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerTextGuard } from './http/text-guard.js';
import type { JobQueue } from './jobs/job-queue.js';
import { auditRoutes, startAuditSealer } from './modules/audit/index.js';
import { authRoutes, createAuthenticator, endUserSessions } from './modules/auth/index.js';
import { householdImportRoutes } from './modules/household-import/index.js';
import {
  doorPlateRoutes,
  householdAccess,
  householdRoutes,
  nameHouseholdsForAudit,
  replaceHouseholdsOfStation,
} from './modules/households/index.js';
import { createOrgUnitEvents, nameOrgUnitsForAudit, orgUnitRoutes } from './modules/orgs/index.js';
import { residentRoutes } from './modules/residents/index.js';
import { apiTokenRoutes, nameApiTokensForAudit } from './modules/tokens/index.js';
import { createUserEvents, hasAccountsIn, nameUsersForAudit, userRoutes } from './modules/users/index.js';
import type { Keys } from './security/secret-key.js';

export interface AppDeps {
  database: Database;
  keys: Keys;
  /** The job queue the routes enqueue on; its workers are started apart (jobs/workers.ts). */
  jobs?: JobQueue;
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve at `/`; null serves the API only. */
  webDir?: string | null;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  /** Client-side settings handed to the web app, e.g. the base tile URL. */
  webConfig?: Record<string, unknown>;
  /** Origin printed into QR codes; defaults to the origin of the request that asks for one. */
  publicUrl?: string;
  /** Where the audit chain's signed checkpoints go: outside the database cluster's directory. */
  auditCheckpointFile: string;
  /** How often the background sealer links new audit rows into the chain; 0 = never (tests seal by hand). */
  auditSealEveryMs?: number;
}

registerAjvFormats();

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withPrivacySerializers(deps.logger),
    disableRequestLogging: true,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  registerErrorHandler(app);
  registerRequestLog(app);
  registerTextGuard(app);
  registerSecurityHeaders(app);
  // Answers over 1 KB go out gzip/brotli when the client asks (phones on weak signal; the map's points
  // shrink ~4×). Request bodies are not inflated: bodyLimit would then count the compressed bytes.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '枫桥 Fengqiao API', version: '1.0.0', description: '枫桥式公安派出所工作平台接口' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'fq_session' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  // The docs page's own inline scripts by hash (the plugin computes them); nothing may frame it.
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(fastifyCookie);

  const { db, pool } = deps.database;
  const system = { db, keys: deps.keys };
  const cookieSecure = deps.cookieSecure ?? false;
  const authenticator = createAuthenticator(db, deps.keys);
  registerAuthentication(app, authenticator, { cookieSecure });
  registerCrossSiteGuard(app, system);
  const contextOf = contextFactory(db, deps.keys);
  // The sealer (and audit verify) get a connection of their own: sealing never takes a request's slot.
  const sealerPool = new pg.Pool({ ...pool.options, max: 1, application_name: 'fengqiao-audit-sealer' });
  sealerPool.on('error', () => {});
  const sealing = { pool: sealerPool, keys: deps.keys, checkpointFile: deps.auditCheckpointFile };
  const sealEveryMs = deps.auditSealEveryMs ?? 1000;
  let sealer: ReturnType<typeof startAuditSealer> | undefined;
  if (sealEveryMs > 0) {
    app.addHook('onReady', async () => {
      sealer = startAuditSealer(sealing, sealEveryMs, app.log);
    });
  }
  app.addHook('onClose', async () => {
    await sealer?.stop();
    await sealerPool.end();
  });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    try {
      await pool.query('select 1');
      return { status: 'ready' };
    } catch {
      return sendProblem(reply, request, new AppError(503, 'database_unavailable'));
    }
  });

  // How modules react to each other, in one place: the emitting module's surface takes the handler.
  const userEvents = createUserEvents();
  userEvents.onAccessLost(endUserSessions);
  const orgEvents = createOrgUnitEvents();
  orgEvents.onRemoving(hasAccountsIn);
  orgEvents.onBoundariesChanged(replaceHouseholdsOfStation);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(authRoutes, { contextOf, system, cookieSecure });
      await api.register(orgUnitRoutes, { contextOf, events: orgEvents });
      await api.register(userRoutes, { contextOf, events: userEvents });
      await api.register(apiTokenRoutes, { contextOf });
      // Each module names its own objects in the log, scoped and masked as in its own lists.
      const objectNamers = {
        user: nameUsersForAudit,
        household: nameHouseholdsForAudit,
        org_unit: nameOrgUnitsForAudit,
        api_token: nameApiTokensForAudit,
      };
      await api.register(auditRoutes, { contextOf, sealing, objectNamers });
      await api.register(householdRoutes, { contextOf, system, publicUrl: deps.publicUrl });
      await api.register(residentRoutes, { contextOf, households: householdAccess });
      await api.register(householdImportRoutes, { contextOf, jobs: deps.jobs });
      await api.register(doorPlateRoutes, { contextOf, publicUrl: deps.publicUrl });
    },
    { prefix: '/api/v1' },
  );

  if (deps.webDir && existsSync(path.join(deps.webDir, 'index.html'))) {
    const visits = doorPlateVisits({ db, keys: deps.keys, authenticator });
    await serveWebApp(app, deps.webDir, deps.webConfig ?? {}, visits);
  }
  return app;
}

async function serveWebApp(
  app: FastifyInstance,
  webDir: string,
  webConfig: Record<string, unknown>,
  visits: DoorPlateVisits,
) {
  // The plugin only sends files; the catch-all below picks each file's cache header (its own routes
  // and its default `max-age=0` would answer first and cache nothing).
  await app.register(fastifyStatic, { root: webDir, serve: false, cacheControl: false, index: false });
  // `<` is escaped so a configured URL can never close the script element.
  const configScript = `<script>window.FENGQIAO_CONFIG = ${JSON.stringify(webConfig).replaceAll('<', '\\u003c')};</script>`;
  const shell = readFileSync(path.join(webDir, 'index.html'), 'utf8').replace(
    '<!-- fengqiao:config -->',
    configScript,
  );
  const shellPolicy = appShellPolicy(
    configScript.slice('<script>'.length, -'</script>'.length),
    typeof webConfig.tileUrl === 'string' ? webConfig.tileUrl : undefined,
  );
  // A scanned door plate: the household file for staff who may see it, else the light public page.
  const qrTemplate = readFileSync(path.join(webDir, 'qr.html'), 'utf8');
  app.get<{ Params: { code: string } }>(
    '/h/:code',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const visit = await visits(request, request.params.code);
      reply.header('cache-control', 'no-store');
      if ('householdId' in visit) return reply.redirect(`/households/${visit.householdId}`);
      return reply
        .header('content-security-policy', DOOR_PLATE_POLICY)
        .type('text/html; charset=utf-8')
        .send(doorPlatePage(qrTemplate, visit.viewer));
    },
  );
  // Client-side routes: any other GET outside the API gets the app shell.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(reply, request, notFound('not_found.route'));
    const assetPath = request.url.split('?')[0] ?? '/';
    if (assetPath !== '/' && !assetPath.includes('..') && existsSync(path.join(webDir, assetPath))) {
      // Vite puts a content hash in every name under /assets/, so those never change.
      const immutable = assetPath.startsWith('/assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(assetPath.slice(1));
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', shellPolicy)
      .type('text/html; charset=utf-8')
      .send(shell);
  });
}
