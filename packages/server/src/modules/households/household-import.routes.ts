import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ImportQuerySchema, ImportReportSchema, ProblemSchema } from '@fengqiao/shared';
import { invalid } from '../../http/app-error.js';
import type { ContextOf } from '../../http/request-context.js';
import type { ColumnMapping } from '../../lib/import/index.js';
import { importHouseholds } from './household-import.service.js';

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** 100,000 households in xlsx is about 15 MB; leave room for wide sheets. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function parseMapping(raw: string | undefined): Partial<ColumnMapping> | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Partial<ColumnMapping>;
  } catch {}
  throw invalid('invalid_mapping', '列对应关系格式错误', [{ field: 'mapping', message: '应为 JSON 对象' }]);
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
        querystring: ImportQuerySchema,
        response: {
          200: ImportReportSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          415: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw invalid('empty_file', '请上传 xlsx 或 csv 文件', [{ field: 'file', message: '文件为空' }]);
      }
      return importHouseholds(contextOf(request), {
        input: { bytes },
        format: request.query.format,
        coordSystem: request.query.coordSystem,
        mapping: parseMapping(request.query.mapping),
        mode: request.query.mode,
      });
    },
  );
};
