import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ImportJobParamsSchema,
  ImportJobSchema,
  ImportProblemSchema,
  ImportQuerySchema,
  MAX_IMPORT_BYTES,
  ProblemSchema,
} from '@fengqiao/shared';
import { AppError, invalid } from '../../http/app-error.js';
import type { ContextOf } from '../../http/request-context.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { enqueueHouseholdImport, getHouseholdImport } from './household-import-job.service.js';

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export const householdImportRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  /** Absent in apps built without a job queue (some benchmarks): imports are then refused with 503. */
  jobs?: Pick<JobQueue, 'enqueue'>;
}> = async (app, { contextOf, jobs }) => {
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.post(
    '/household-imports',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['households'],
        summary:
          '导入住户（xlsx/csv）：在后台执行，答 202 与导入任务（Location 指向它）；试导入报告每一行错误；正式导入要么全部写入，要么不写',
        description:
          '文件保存（加密）后排队，由后台任务校验并写入；用 `GET /household-imports/{jobId}` 查询进度与报告。' +
          '试导入（dry-run）也在后台执行。权限、所属派出所、文件能否打开和列对应关系在排队前检查。' +
          '表头行默认在前 20 行中自动识别（跳过标题行），也可用 `headerRow` 指定；报告中 `headerRow` 为所用的表头行。' +
          '整列的“住址”按本所的村/社区名称拆分，无法拆分的单元格报为该行的错误。' +
          '列对应关系无法使用时答 422 `invalid_mapping`，并附表头行号 `headerRow`、文件表头 `header`、所检查的对应关系 `mapping`、' +
          '服务器建议的对应关系 `suggestedMapping` 和未对应的必填项 `unmappedRequired`。',
        querystring: ImportQuerySchema,
        response: {
          202: ImportJobSchema,
          400: ProblemSchema,
          403: ProblemSchema,
          409: ProblemSchema,
          415: ProblemSchema,
          422: ImportProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw invalid('empty_file', undefined, [{ field: 'file', key: 'field.empty_file' }]);
      }
      if (!jobs) throw new AppError(503, 'jobs_unavailable');
      // An unusable mapping throws ImportMappingError, whose problem carries the header and suggestion.
      const job = await enqueueHouseholdImport(contextOf(request), jobs, {
        input: { bytes },
        format: request.query.format,
        coordSystem: request.query.coordSystem,
        mapping: request.query.mapping,
        headerRow: request.query.headerRow,
        mode: request.query.mode,
      });
      return reply.status(202).header('location', `/api/v1/household-imports/${job.id}`).send(job);
    },
  );

  app.get(
    '/household-imports/:jobId',
    {
      schema: {
        tags: ['households'],
        summary: '查询导入任务：状态、进度，完成后的导入报告（与原同步导入的报告相同）',
        description:
          '状态 queued/running/succeeded/failed；进度含阶段（validate 校验、check 核对档案、write 写入）、已校验行数、' +
          '已写入户数/总户数。成功时 `report` 为导入报告，失败时 `failure` 为原因。' +
          '不在导入者管辖范围内的用户得到 404。报告较大且请求带 `Accept-Encoding`（br 或 gzip）时压缩返回。',
        params: ImportJobParamsSchema,
        response: { 200: ImportJobSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    // A report listing 100,000 bad rows is ~18 MB of JSON; the app's compression shrinks it ~30×.
    async (request) => getHouseholdImport(contextOf(request), request.params.jobId),
  );
};
