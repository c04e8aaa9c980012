import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ImportProblemSchema, ImportQuerySchema, ImportReportSchema, ProblemSchema } from '@fengqiao/shared';
import { invalid } from '../../http/app-error.js';
import type { ContextOf } from '../../http/request-context.js';
import { importHouseholds } from './household-import.service.js';

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** 100,000 households in xlsx is about 15 MB; leave room for wide sheets. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

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
          '表头行默认在前 20 行中自动识别（跳过标题行），也可用 `headerRow` 指定；报告中 `headerRow` 为所用的表头行。' +
          '整列的“住址”按本所的村/社区名称拆分，无法拆分的单元格报为该行的错误。' +
          '列对应关系无法使用时答 422 `invalid_mapping`，并附表头行号 `headerRow`、文件表头 `header`、所检查的对应关系 `mapping`、' +
          '服务器建议的对应关系 `suggestedMapping` 和未对应的必填项 `unmappedRequired`。' +
          '报告较大且请求带 `Accept-Encoding`（br 或 gzip）时压缩返回。',
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
    async (request) => {
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
        headerRow: request.query.headerRow,
        mode: request.query.mode,
      });
      // A report listing 100,000 bad rows is ~18 MB of JSON; the app's compression shrinks it ~30×.
      return report;
    },
  );
};
