import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Runs in its own thread so the load generator does not share the event loop with the servers.
 * Latencies are kept exactly (autocannon's histogram rounds to whole ms) to give a true p95.
 */
function fire(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ result, latencies })));
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round2 = (n) => (n === null ? null : Math.round(n * 100) / 100);

const { url, headers, connections, warmupSeconds, durationSeconds, amount } = workerData;
const base = { url, headers, connections, pipelining: 1, timeout: 10 };

if (warmupSeconds > 0) await fire({ ...base, duration: warmupSeconds });
const { result, latencies } = await fire(amount ? { ...base, amount } : { ...base, duration: durationSeconds });
const sorted = Float64Array.from(latencies).sort();
const seconds = result.duration;
parentPort.postMessage({
  requests: result.totalCompletedRequests,
  ok: sorted.length,
  seconds,
  rps: Math.round(sorted.length / seconds),
  latencyMs: {
    mean: round2(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    p97_5: round2(percentile(sorted, 97.5)),
    p99: round2(percentile(sorted, 99)),
    max: round2(sorted.at(-1) ?? null),
  },
  bytesPerResponse: Math.round(result.totalBytes / (result.totalCompletedRequests || 1)),
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
});
