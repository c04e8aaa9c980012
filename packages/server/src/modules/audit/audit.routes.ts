import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AuditEventSchema,
  AuditQuerySchema,
  AuditVerifySchema,
  countedPageOf,
  ProblemSchema,
} from '@fengqiao/shared';
import type { ContextOf } from '../../http/request-context.js';
import type { AuditObjectNamers } from './audit-object-names.js';
import { exportAuditCsv, searchAuditEvents, verifyAuditTrail } from './audit-query.service.js';
import type { AuditSealing } from './audit-sealer.js';

const errors = { 400: ProblemSchema, 403: ProblemSchema };
const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  sealing: AuditSealing;
  objectNamers: AuditObjectNamers;
}> = async (app, { contextOf, sealing, objectNamers }) => {
  app.get(
    '/audit-events',
    {
      schema: {
        tags,
        summary: '审计日志查询',
        querystring: AuditQuerySchema,
        response: { 200: countedPageOf(AuditEventSchema), ...errors },
      },
    },
    async (request) => searchAuditEvents(contextOf(request), objectNamers, request.query),
  );
  app.get(
    '/audit-events/export',
    { schema: { tags, summary: '导出审计日志（CSV）', querystring: AuditQuerySchema } },
    async (request, reply) => {
      const lines = exportAuditCsv(contextOf(request), request.query);
      const first = await lines.next(); // runs the permission check before headers go out
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`);
      return reply.send(
        Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* lines;
          })(),
        ),
      );
    },
  );
  app.post(
    '/audit-events/verify',
    { schema: { tags, summary: '校验审计日志哈希链', response: { 200: AuditVerifySchema, ...errors } } },
    async (request) => verifyAuditTrail(contextOf(request), sealing),
  );
};
