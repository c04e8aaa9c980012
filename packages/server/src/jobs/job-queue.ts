import PgBoss from 'pg-boss';
import { type Db, poolOf } from '../db/client.js';

/** pg-boss's tables live in their own schema, apart from the app's. */
export const JOB_SCHEMA = 'pgboss';

interface QueuePolicy {
  /** Runs after the first that may follow a failure (a crash of the worker counts as one). */
  retryLimit: number;
  retryDelay: number;
  /** An active job whose worker never reports back is failed (and so retried) after this long. */
  expireInSeconds: number;
}

/**
 * Every queue of the app and its policy. Created at migration time: in pg-boss 10 a queue is a table
 * partition, which the app's database role may not create.
 */
export const QUEUES = {
  'household-import': { retryLimit: 1, retryDelay: 5, expireInSeconds: 4 * 3600 },
} as const satisfies Record<string, QueuePolicy>;

/** What each queue's jobs carry: ids only, never personal data (pg-boss stores `data` in plain jsonb). */
export interface JobPayloads {
  'household-import': { importJobId: string };
}

export type QueueName = keyof typeof QUEUES & keyof JobPayloads;

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface QueuedJob<Q extends QueueName> {
  id: string;
  data: JobPayloads[Q];
  /** 0 on the first run. */
  retryCount: number;
  retryLimit: number;
}

export interface JobStatus {
  state: JobState;
  retryCount: number;
  retryLimit: number;
}

export interface JobQueue {
  /** Queues a job; a worker of this process is woken at once, so a short job does not wait for a poll. */
  enqueue<Q extends QueueName>(queue: Q, data: JobPayloads[Q], options?: { id?: string }): Promise<string>;
  /** Runs `handler` for the queue's jobs, one at a time in this process. A throw fails (and retries) the job. */
  work<Q extends QueueName>(queue: Q, handler: (job: QueuedJob<Q>) => Promise<void>): Promise<void>;
  statusOf(queue: QueueName, id: string): Promise<JobStatus | null>;
  /**
   * Fails an active job whose worker is gone (its process died): pg-boss retries it while retries are
   * left. Answers the state it is left in.
   */
  failAbandoned(queue: QueueName, id: string, reason: string): Promise<JobStatus | null>;
  /** Waits up to `timeoutMs` for running jobs, then fails them (they are retried) and disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

/** pg-boss's database adapter over a Drizzle database (the migrating connection). */
function adapterOf(db: Db): PgBoss.Db {
  return { executeSql: (text, values) => poolOf(db).query(text, values) };
}

/**
 * Creates or upgrades pg-boss's schema and the app's queues. Called right after runMigrations, on the
 * connection that migrates (the owner role), so the app's role needs no CREATE privilege.
 */
export async function installJobSchema(db: Db): Promise<void> {
  const boss = new PgBoss({
    db: adapterOf(db),
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const [name, policy] of Object.entries(QUEUES)) {
      await boss.createQueue(name, { name, ...policy });
      await boss.updateQueue(name, { name, ...policy });
    }
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}

export interface JobQueueOptions {
  log?: { warn(msg: string): void };
  /** How often an idle worker looks for jobs queued by other processes; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  max?: number;
}

/**
 * Starts pg-boss on the app's database URL with `migrate: false`: the schema must have been installed
 * by installJobSchema. Maintenance (expiring, archiving) runs in whichever instance holds its lock.
 */
export async function startJobQueue(url: string, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: 'fengqiao-jobs',
    max: options.max ?? 3,
    schema: JOB_SCHEMA,
    migrate: false,
    supervise: true,
    schedule: false,
  });
  boss.on('error', (error) => options.log?.warn(`任务队列出错 (job queue error): ${error.message}`));
  await boss.start();
  const workers = new Map<QueueName, string[]>();
  const statusOf = async (queue: QueueName, id: string): Promise<JobStatus | null> => {
    const job = await boss.getJobById(queue, id, { includeArchive: true });
    return job && { state: job.state, retryCount: job.retryCount, retryLimit: job.retryLimit };
  };
  return {
    async enqueue(queue, data, { id: given } = {}) {
      const id = await boss.send(queue, data, { ...QUEUES[queue], ...(given ? { id: given } : {}) });
      if (!id) throw new Error(`job not queued on ${queue}`);
      for (const worker of workers.get(queue) ?? []) boss.notifyWorker(worker);
      return id;
    },
    async work(queue, handler) {
      const id = await boss.work<JobPayloads[typeof queue]>(
        queue,
        {
          includeMetadata: true,
          batchSize: 1,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
        },
        async ([job]) => {
          if (!job) return;
          await handler({
            id: job.id,
            data: job.data,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
        },
      );
      workers.set(queue, [...(workers.get(queue) ?? []), id]);
    },
    statusOf,
    async failAbandoned(queue, id, reason) {
      const status = await statusOf(queue, id);
      if (status?.state !== 'active') return status;
      await boss.fail(queue, id, { message: reason });
      return statusOf(queue, id);
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true, wait: true });
    },
  };
}
