import type { JobQueue } from '../../jobs/job-queue.js';
import type { SystemContext } from '../../security/context.js';
import {
  IMPORT_QUEUE,
  recoverInterruptedImports,
  runHouseholdImportJob,
} from './household-import-job.service.js';

/** How often a process looks for imports whose process died (another instance's included). */
const RECOVER_EVERY_MS = 60_000;

/**
 * Works the import queue in this process, and hands interrupted imports back to it: at once (a
 * restart after a crash finds its own) and then every minute. Answers a function stopping the timer.
 */
export async function startHouseholdImportWorker(
  queue: JobQueue,
  system: SystemContext,
  log: { warn(msg: string): void },
): Promise<() => void> {
  await queue.work(IMPORT_QUEUE, (job) =>
    runHouseholdImportJob(system, job.data.importJobId, { retriesLeft: job.retryCount < job.retryLimit }),
  );
  const recover = () =>
    recoverInterruptedImports(system, queue).catch((error: Error) =>
      log.warn(`恢复中断的导入任务时出错 (recovering interrupted imports): ${error.message}`),
    );
  await recover();
  const timer = setInterval(recover, RECOVER_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
