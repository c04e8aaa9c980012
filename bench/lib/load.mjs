import { Worker } from 'node:worker_threads';
import { clusterCpuMs, processCpuMs } from './cpu-meter.mjs';

/**
 * Loads one URL from a worker thread: `warmupSeconds` unmeasured, then `durationSeconds` (or
 * `amount` requests) measured. Resolves to the raw sample; `summarize` turns samples into figures.
 * With `postmasterPid`, also meters the CPU this process spent serving (minus the load generator's
 * thread) and the CPU of that PostgreSQL cluster during the measured part.
 */
export function runLoad({
  url,
  cookie,
  connections = 10,
  warmupSeconds = 2,
  durationSeconds = 10,
  amount,
  postmasterPid,
}) {
  const headers = cookie ? { cookie } : {};
  const meter = () => ({ node: processCpuMs(), postgres: postmasterPid ? clusterCpuMs(postmasterPid) : 0 });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, headers, connections, warmupSeconds, durationSeconds, amount },
    });
    let before;
    worker.on('message', (message) => {
      if (message.ready) {
        before = meter();
        worker.postMessage('go');
        return;
      }
      const after = meter();
      resolve({
        ...message,
        serverCpuMs: after.node - before.node - message.generatorCpuMs,
        postgresCpuMs: after.postgres - before.postgres,
      });
    });
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

function cpuPerRequest(samples, ok) {
  const node = samples.reduce((s, x) => s + x.serverCpuMs, 0) / (ok || 1);
  const postgres = samples.reduce((s, x) => s + x.postgresCpuMs, 0) / (ok || 1);
  const r3 = (n) => Math.round(n * 1000) / 1000;
  return { node: r3(node), postgres: r3(postgres), total: r3(node + postgres) };
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
    cpuMsPerRequest: cpuPerRequest(samples, all.length),
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
  postmasterPid,
}) {
  // autocannon checks its stop flag once a second, so slices are whole seconds.
  const slice = Math.max(1, Math.round(durationSeconds / rounds));
  const common = { cookie, connections, durationSeconds: slice, postmasterPid };
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
