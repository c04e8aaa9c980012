import type { FastifyInstance } from 'fastify';

/**
 * One line per answered request, at debug: a short session makes thousands, which drown what matters
 * at info (start-up, warnings, errors). `LOG_LEVEL=debug` shows them. Fastify's own two lines per
 * request (at info) are turned off in `buildApp`; this line goes through the same privacy serializers.
 */
export function registerRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
}
