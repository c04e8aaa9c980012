import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ImportProblemSchema, ImportQuerySchema, ImportReportSchema, ProblemSchema } from '@fengqiao/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../../http/app-error.js';
import type { ContextOf } from '../../http/request-context.js';
import { type ImportReport, importHouseholds } from './household-import.service.js';

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** 100,000 households in xlsx is about 15 MB; leave room for wide sheets. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reports larger than this go out gzip-compressed when the client accepts it. A file whose 100,000
 * rows are all bad gives ~18 MB of JSON (every error listed), which compresses about 30 to 1.
 */
const COMPRESS_FROM_BYTES = 64 * 1024;

const gzipAsync = promisify(gzip);

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');

/** The report through the route's own serializer (its 200 schema), gzip-compressed when large and accepted. */
async function sendReport(reply: FastifyReply, request: FastifyRequest, report: ImportReport) {
  // The route's serializer is fast-json-stringify, which returns a string.
  const json = reply.serialize(report) as string;
  reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
  if (json.length < COMPRESS_FROM_BYTES || !acceptsGzip(request)) return reply.send(json);
  return reply.header('content-encoding', 'gzip').send(await gzipAsync(json));
}

export const householdImportRoutes: FastifyPluginAsyncTypebox<{ contextOf: ContextOf }> = async (
  app,
  { contextOf },
) => {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/household-imports',
    {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags: ['households'],
        summary: '导入住户（xlsx/csv）：试导入报告每一行错误；正式导入要么全部写入，要么不写',
        description:
          '列对应关系无法使用时答 422 `invalid_mapping`，并附文件表头 `header`、所检查的对应关系 `mapping`、' +
          '服务器建议的对应关系 `suggestedMapping` 和未对应的必填项 `unmappedRequired`。' +
          '报告较大且请求带 `Accept-Encoding: gzip` 时以 gzip 压缩返回。',
        querystring: ImportQuerySchema,
        response: {
          200: ImportReportSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          415: ProblemSchema,
          422: ImportProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw invalid('empty_file', '请上传 xlsx 或 csv 文件', [{ field: 'file', message: '文件为空' }]);
      }
      // An unusable mapping throws ImportMappingError, whose problem carries the header and suggestion.
      const report = await importHouseholds(contextOf(request), {
        input: { bytes },
        format: request.query.format,
        coordSystem: request.query.coordSystem,
        mapping: request.query.mapping,
        mode: request.query.mode,
      });
      return sendReport(reply, request, report);
    },
  );
};
