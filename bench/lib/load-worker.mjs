import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Runs in its own thread so the load generator does not share the event loop with the servers.
 * Every 2xx latency is kept (autocannon's own histogram rounds to whole ms) for exact percentiles.
 */
function fire(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve({ result, latencies }),
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

const { url, headers, connections, warmupSeconds, durationSeconds, amount } = workerData;
const base = { url, headers, connections, pipelining: 1, timeout: 10 };

if (warmupSeconds > 0) await fire({ ...base, duration: warmupSeconds });
const { result, latencies } = await fire(
  amount ? { ...base, amount } : { ...base, duration: durationSeconds },
);
const sample = Float64Array.from(latencies);
parentPort.postMessage(
  {
    latencies: sample,
    seconds: result.duration,
    requests: result.totalCompletedRequests,
    bytes: result.totalBytes,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  },
  [sample.buffer],
);
