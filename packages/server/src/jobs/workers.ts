import { startHouseholdImportWorker } from '../modules/household-import/index.js';
import type { SystemContext } from '../security/context.js';
import type { JobQueue } from './job-queue.js';

export interface Workers {
  /** Stops the workers' timers; the queue itself is stopped by its owner. */
  stop(): void;
}

/** Every module's workers on one queue: the server and the tests start the same set. */
export async function startWorkers(
  queue: JobQueue,
  system: SystemContext,
  log: { warn(msg: string): void } = console,
): Promise<Workers> {
  const stops = [await startHouseholdImportWorker(queue, system, log)];
  return {
    stop() {
      for (const stop of stops) stop();
    },
  };
}
