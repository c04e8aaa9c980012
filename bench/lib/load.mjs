import { Worker } from 'node:worker_threads';

/**
 * Loads one URL from a worker thread: `warmupSeconds` unmeasured, then `durationSeconds` (or
 * `amount` requests) measured. Resolves to the raw sample; `summarize` turns samples into figures.
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

const round2 = (n) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Merges the samples of one side (several rounds) into req/s (2xx only) and exact latency percentiles. */
export function summarize(samples) {
  const seconds = samples.reduce((s, x) => s + x.seconds, 0);
  const requests = samples.reduce((s, x) => s + x.requests, 0);
  const bytes = samples.reduce((s, x) => s + x.bytes, 0);
  const all = new Float64Array(samples.reduce((s, x) => s + x.latencies.length, 0));
  let offset = 0;
  for (const x of samples) {
    all.set(x.latencies, offset);
    offset += x.latencies.length;
  }
  all.sort();
  return {
    rps: Math.round(all.length / seconds),
    ok: all.length,
    seconds: round2(seconds),
    latencyMs: {
      mean: round2(all.reduce((a, b) => a + b, 0) / (all.length || 1)),
      p50: round2(percentile(all, 50)),
      p95: round2(percentile(all, 95)),
      p97_5: round2(percentile(all, 97.5)),
      p99: round2(percentile(all, 99)),
      max: round2(all.at(-1)),
    },
    bytesPerResponse: Math.round(bytes / (requests || 1)),
    non2xx: samples.reduce((s, x) => s + x.non2xx, 0),
    errors: samples.reduce((s, x) => s + x.errors, 0),
    timeouts: samples.reduce((s, x) => s + x.timeouts, 0),
  };
}

/**
 * Compares two URLs fairly on a shared machine: both warmed up, then `rounds` alternating slices
 * in ABBA order (ours, bare, bare, ours, …) so drift in background load falls on both sides.
 */
export async function compareLoad({
  oursUrl,
  bareUrl,
  cookie,
  connections,
  warmupSeconds,
  durationSeconds,
  rounds,
}) {
  const slice = durationSeconds / rounds;
  const common = { cookie, connections, durationSeconds: slice };
  await runLoad({ ...common, url: oursUrl, durationSeconds: warmupSeconds, warmupSeconds: 0 });
  await runLoad({ ...common, url: bareUrl, durationSeconds: warmupSeconds, warmupSeconds: 0 });
  const ours = [];
  const bare = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const side of order) {
      const url = side === 'ours' ? oursUrl : bareUrl;
      (side === 'ours' ? ours : bare).push(await runLoad({ ...common, url, warmupSeconds: 0 }));
    }
  }
  return { ours: summarize(ours), bare: summarize(bare) };
}
