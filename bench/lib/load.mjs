import { Worker } from 'node:worker_threads';

/**
 * Loads one URL from a worker thread: `warmupSeconds` unmeasured, then `durationSeconds` (or
 * `amount` requests) measured. Resolves to requests/s and latency percentiles of the 2xx answers.
 */
export function runLoad({ url, cookie, connections = 10, warmupSeconds = 2, durationSeconds = 10, amount }) {
  const headers = cookie ? { cookie } : {};
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, headers, connections, warmupSeconds, durationSeconds, amount },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker for ${url} exited with ${code}`));
    });
  });
}
