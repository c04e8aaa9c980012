import { parentPort, workerData } from 'node:worker_threads';
import { threadCpuMs } from './cpu-meter.mjs';

/**
 * Runs in its own thread so the load generator does not share the event loop with the servers.
 * Every 2xx latency is kept (autocannon's own histogram rounds to whole ms) for exact percentiles.
 * Handshake: posts `ready` once loaded, fires on `go`, so the caller can meter CPU around the run.
 */
const { default: autocannon } = await import('autocannon');

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
parentPort.postMessage({ ready: true });
await new Promise((resolve) => parentPort.once('message', resolve));
const cpuBefore = threadCpuMs();
const { result, latencies } = await fire(
  amount ? { ...base, amount } : { ...base, duration: durationSeconds },
);
const generatorCpuMs = threadCpuMs() - cpuBefore;
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
    generatorCpuMs,
  },
  [sample.buffer],
);
