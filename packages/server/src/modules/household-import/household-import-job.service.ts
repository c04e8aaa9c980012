import { statSync } from 'node:fs';
import type { ImportJob, ImportJobPhase, ImportMode, ImportReport } from '@fengqiao/shared';
import { uuidv7 } from 'uuidv7';
import { type DbOrTx, poolOf } from '../../db/client.js';
import { AppError, forbidden } from '../../http/app-error.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { decryptBytes, encryptBytes } from '../../lib/crypto/sm.js';
import type { TableFormat, TableInput } from '../../lib/import/index.js';
import type { ServiceContext, SystemContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import type { Keys } from '../../security/secret-key.js';
import { actorFromUser } from '../auth/index.js';
import { findAccountById } from '../users/index.js';
import type { CoordSystem } from './column-mapping.js';
import { checkImportRequest, type ImportPhase, importHouseholds } from './household-import.service.js';
import { presentImportJob } from './household-import-job.presenter.js';
import {
  deleteImportJobsFinishedBefore,
  findImportJob,
  findImportJobFile,
  findUnfinishedImportJobs,
  type ImportJobView,
  insertImportJob,
  nextAttempt,
  tryLockImportJob,
  unlockImportJob,
  updateImportJob,
} from './household-import-job.repository.js';

export const IMPORT_QUEUE = 'household-import';

/** The import as sent: the file (bytes from HTTP, a path from the CLI) and the request's options. */
export interface ImportUpload {
  input: TableInput;
  mode: ImportMode;
  format?: TableFormat;
  coordSystem?: CoordSystem;
  /** JSON text, as the HTTP query carries it. */
  mapping?: string;
  /** The header's row (1-based) when the importer names it; else it is found past title rows. */
  headerRow?: number;
}

interface JobOptions {
  format?: TableFormat;
  coordSystem?: CoordSystem;
  mapping?: string;
  headerRow?: number;
}

/** The file and the report are bound to their job's row: a sealed value copied elsewhere does not open. */
const fileContext = (id: string) => `import_jobs.file_sealed:${id}`;
const reportContext = (id: string) => `import_jobs.report_sealed:${id}`;

/** A finished job's report is kept this long, then deleted with its row. */
const KEEP_FINISHED_DAYS = 30;

const RETRYING = '上次导入因服务器重启或出错而中断，未写入任何数据；已自动重新开始导入';
const INTERRUPTED = '导入因服务器重启而中断，重试后仍未完成；未写入任何数据，请重新导入';
const INTERNAL = '导入因服务器内部错误未能完成，未写入任何数据；请重新导入，或联系管理员';

/** Lines of a csv file below its header, counted on the bytes (a line break inside quotes counts too). */
function estimateCsvRows(input: TableInput, format: TableFormat | undefined): number | null {
  if (!('bytes' in input) || format === 'xlsx') return null;
  const bytes = input.bytes;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return null; // PK: a zip, so xlsx
  let lines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

function sizeOf(input: TableInput): number {
  return 'bytes' in input ? input.bytes.length : statSync(input.path).size;
}

/**
 * Stores the file (sealed, unless `keepFile` is false: the CLI reads it from disk) as a queued job, once
 * the importer may import and its columns can be used: every refusal possible before the rows are read
 * is answered at once, as the synchronous import answered it.
 */
async function createImportJob(
  ctx: ServiceContext,
  upload: ImportUpload,
  keepFile: boolean,
): Promise<ImportJobView> {
  const { stationId } = await checkImportRequest(ctx, { ...upload });
  const id = uuidv7();
  const options: JobOptions = {
    ...(upload.format ? { format: upload.format } : {}),
    ...(upload.coordSystem ? { coordSystem: upload.coordSystem } : {}),
    ...(upload.mapping !== undefined ? { mapping: upload.mapping } : {}),
    ...(upload.headerRow !== undefined ? { headerRow: upload.headerRow } : {}),
  };
  await insertImportJob(ctx.db, {
    id,
    stationId,
    createdBy: ctx.actor.userId,
    via: ctx.actor.via,
    scopeOrgId: ctx.actor.scopeOrgId,
    scopePath: ctx.actor.scopePath,
    ip: ctx.ip,
    mode: upload.mode,
    options,
    fileSealed:
      keepFile && 'bytes' in upload.input
        ? encryptBytes(ctx.keys.field, upload.input.bytes, fileContext(id))
        : null,
    fileBytes: sizeOf(upload.input),
    estimatedRows: estimateCsvRows(upload.input, upload.format),
    status: 'queued',
    phase: 'queued',
    bossJobId: keepFile ? uuidv7() : null,
  });
  const job = await findImportJob(ctx.db, id);
  if (!job) throw new Error('import job vanished');
  return job;
}

/** POST /household-imports: the file stored, sealed, and its job queued for a worker. */
export async function enqueueHouseholdImport(
  ctx: ServiceContext,
  queue: Pick<JobQueue, 'enqueue'>,
  upload: ImportUpload,
): Promise<ImportJob> {
  const job = await createImportJob(ctx, upload, true);
  await queue.enqueue(IMPORT_QUEUE, { importJobId: job.id }, { id: job.bossJobId as string });
  return presentImportJob(job, null);
}

/**
 * The CLI's import: the same job, run here and now from the file on disk. It shows in the web like
 * any other, and a run cut off is marked failed by the next server's recovery.
 */
export async function runHouseholdImportHere(
  ctx: ServiceContext,
  upload: ImportUpload,
  onProgress?: ProgressListener,
): Promise<ImportJob> {
  const job = await createImportJob(ctx, upload, false);
  await runHouseholdImportJob(ctx, job.id, { input: upload.input, onProgress, retriesLeft: false });
  return getHouseholdImport(ctx, job.id);
}

/** GET /household-imports/{id}: visible in the importer's area (their scope or above), else 404. */
export async function getHouseholdImport(ctx: ServiceContext, id: string): Promise<ImportJob> {
  await authorize(ctx, 'household.import', 'household');
  const job = await findImportJob(ctx.db, id);
  await assertInScope(ctx, job?.scopePath, 'household.import', 'import_job', id, 'not_found.import_job');
  const row = job as ImportJobView;
  const report = row.reportSealed
    ? (JSON.parse(
        decryptBytes(ctx.keys.field, row.reportSealed, reportContext(id)).toString('utf8'),
      ) as ImportReport)
    : null;
  return presentImportJob(row, report);
}

export type ProgressListener = (phase: ImportPhase, done: number, total?: number) => void;

/**
 * Keeps the job's row up to date with the import's progress, at most twice a second and on every
 * change of phase, through the pool (not the import's transaction) so that pollers see it. Writes are
 * chained in order; one that fails is dropped, as the next one says more.
 */
function progressWriter(db: DbOrTx, id: string, listener?: ProgressListener) {
  const state: {
    phase: ImportJobPhase;
    rowsChecked: number;
    householdsWritten: number;
    householdsTotal: number | null;
  } = { phase: 'validate', rowsChecked: 0, householdsWritten: 0, householdsTotal: null };
  let last = 0;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    report(phase: ImportPhase, done: number, total?: number) {
      listener?.(phase, done, total);
      const changed = phase !== state.phase;
      state.phase = phase;
      if (phase === 'write') {
        state.householdsWritten = done;
        state.householdsTotal = total ?? null;
      } else state.rowsChecked = done;
      const now = Date.now();
      if (!changed && now - last < 500) return;
      last = now;
      const snapshot = { ...state };
      chain = chain.then(() => updateImportJob(db, id, snapshot, ['running'])).catch(() => undefined);
    },
    flush: () => chain,
  };
}

async function finishImportJob(db: DbOrTx, keys: Keys, id: string, report: ImportReport): Promise<void> {
  await updateImportJob(
    db,
    id,
    {
      status: 'succeeded',
      phase: 'done',
      rowsChecked: report.rowsRead,
      householdsWritten: report.written ? report.households : 0,
      householdsTotal: report.written ? report.households : null,
      reportSealed: encryptBytes(keys.field, Buffer.from(JSON.stringify(report)), reportContext(id)),
      fileSealed: null,
      finishedAt: new Date(),
    },
    ['running'],
  );
}

async function failImportJob(db: DbOrTx, id: string, failure: NonNullable<ImportJob['failure']>) {
  await updateImportJob(db, id, {
    status: 'failed',
    phase: 'done',
    problem: failure,
    fileSealed: null,
    finishedAt: new Date(),
  });
}

/** The importer as they are now: a disabled account or a narrowed scope stops the job. */
async function importerContext(system: SystemContext, job: ImportJobView): Promise<ServiceContext> {
  const user = await findAccountById(system.db, job.createdBy);
  if (!user || user.disabled) throw forbidden('forbidden.importer_disabled');
  if (job.via === 'token' && !job.scopePath.startsWith(user.scopePath)) {
    throw forbidden('forbidden.importer_scope_changed');
  }
  const actor = actorFromUser(
    user,
    job.via === 'token'
      ? { tokenId: `import-job:${job.id}`, scopePath: job.scopePath, scopeOrgId: job.scopeOrgId }
      : { sessionId: `import-job:${job.id}` },
  );
  return { db: system.db, keys: system.keys, actor, ip: job.ip };
}

async function openStoredFile(system: SystemContext, id: string): Promise<TableInput> {
  const sealed = await findImportJobFile(system.db, id);
  if (!sealed) throw new AppError(410, 'import_file_gone');
  return { bytes: decryptBytes(system.keys.field, sealed, fileContext(id)) };
}

export interface RunOptions {
  /** The file, when the caller has it (the CLI); else the job's stored file. */
  input?: TableInput;
  onProgress?: ProgressListener;
  /** Whether the queue runs the job again after this run throws. */
  retriesLeft: boolean;
}

/**
 * Runs one import job with its importer's current rights (importHouseholds checks the policy again).
 * The job's advisory lock marks it as running in this process; a commit's result is recorded inside
 * the import's own transaction, so a crash leaves the register and the job consistent. A refusal
 * (AppError) fails the job for good; anything else is retried while the queue has retries left.
 */
export async function runHouseholdImportJob(
  system: SystemContext,
  id: string,
  options: RunOptions,
): Promise<void> {
  const client = await poolOf(system.db).connect();
  let locked = false;
  try {
    locked = await tryLockImportJob(client, id);
    if (!locked) throw new Error(`import job ${id} is running in another process`);
    const job = await findImportJob(system.db, id);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    await updateImportJob(system.db, id, {
      status: 'running',
      phase: 'validate',
      attempts: nextAttempt,
      rowsChecked: 0,
      householdsWritten: 0,
      householdsTotal: null,
      notice: job.attempts > 0 ? RETRYING : null,
      startedAt: new Date(),
    });
    await runLocked(system, job, options);
  } finally {
    if (locked) await unlockImportJob(client, id).catch(() => undefined);
    client.release();
  }
}

async function runLocked(system: SystemContext, job: ImportJobView, options: RunOptions): Promise<void> {
  const progress = progressWriter(system.db, job.id, options.onProgress);
  const jobOptions = job.options as JobOptions;
  try {
    const ctx = await importerContext(system, job);
    const report = await importHouseholds(ctx, {
      input: options.input ?? (await openStoredFile(system, job.id)),
      mode: job.mode as ImportMode,
      ...jobOptions,
      onProgress: progress.report,
      beforeCommit: (tx, final) => finishImportJob(tx, system.keys, job.id, final),
    });
    await progress.flush();
    if (!report.written) await finishImportJob(system.db, system.keys, job.id, report);
  } catch (error) {
    await progress.flush();
    if (error instanceof AppError) {
      await failImportJob(system.db, job.id, {
        status: error.status,
        code: error.code,
        // Stored in Chinese: the job's failure is read later, by whoever asks, in any language.
        detail: error.message,
        ...(error.errors ? { errors: error.fieldErrors('zh-CN') } : {}),
      });
      return;
    }
    if (options.retriesLeft) {
      await updateImportJob(system.db, job.id, { status: 'queued', phase: 'queued', notice: RETRYING });
    } else {
      await failImportJob(system.db, job.id, { status: 500, code: 'import_failed', detail: INTERNAL });
    }
    throw error;
  }
}

/**
 * Finds jobs whose run was cut off (the process died: its advisory lock is gone while the row still
 * says running) and hands them back to the queue, which retries them while retries are left; a job
 * with none left, or whose queue entry is gone, is marked failed with the reason. Also deletes finished
 * jobs past their keeping time.
 */
export async function recoverInterruptedImports(
  system: SystemContext,
  queue: Pick<JobQueue, 'statusOf' | 'failAbandoned'>,
): Promise<void> {
  const client = await poolOf(system.db).connect();
  try {
    // Quiet: untouched for 10 s, so a job just created or just fetched is left to its worker.
    for (const job of await findUnfinishedImportJobs(system.db, 10)) {
      if (!(await tryLockImportJob(client, job.id))) continue; // running in some process
      await unlockImportJob(client, job.id);
      let status = job.bossJobId ? await queue.statusOf(IMPORT_QUEUE, job.bossJobId) : null;
      if (status?.state === 'active') {
        if (job.status !== 'running' && !job.quiet) continue;
        status = await queue.failAbandoned(IMPORT_QUEUE, job.bossJobId as string, INTERRUPTED);
      }
      if (status?.state === 'created' || status?.state === 'retry') {
        if (job.status === 'running') {
          await updateImportJob(system.db, job.id, { status: 'queued', phase: 'queued', notice: RETRYING });
        }
        continue;
      }
      if (!status && job.status === 'queued' && !job.quiet) continue;
      await failImportJob(system.db, job.id, {
        status: 500,
        code: 'import_interrupted',
        detail: INTERRUPTED,
      });
    }
  } finally {
    client.release();
  }
  await deleteImportJobsFinishedBefore(system.db, KEEP_FINISHED_DAYS);
}
