import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const pad = (value, width, left = false) => {
  const text = String(value ?? '–');
  return left ? text.padEnd(width) : text.padStart(width);
};

export function formatLoadTable(rows) {
  const head = [
    pad('endpoint', 44, true),
    pad('ours req/s', 11),
    pad('bare req/s', 11),
    pad('ratio', 6),
    pad('ours p95', 9),
    pad('bare p95', 9),
    pad('ours p99', 9),
    pad('bare p99', 9),
    pad('ours cpu', 9),
    pad('bare cpu', 9),
    pad('cpu ratio', 9),
  ].join(' ');
  const lines = rows.map((r) =>
    [
      pad(r.name, 44, true),
      pad(r.ours.rps, 11),
      pad(r.bare.rps, 11),
      pad(r.ratio.toFixed(2), 6),
      pad(r.ours.latencyMs.p95, 9),
      pad(r.bare.latencyMs.p95, 9),
      pad(r.ours.latencyMs.p99, 9),
      pad(r.bare.latencyMs.p99, 9),
      pad(r.ours.cpuMsPerRequest.total.toFixed(3), 9),
      pad(r.bare.cpuMsPerRequest.total.toFixed(3), 9),
      pad(r.cpuRatio.toFixed(2), 9),
    ].join(' '),
  );
  return [
    head,
    '-'.repeat(head.length),
    ...lines,
    '(latencies in ms, exact percentiles of every 2xx answer; cpu = ms of CPU per request, server ' +
      'threads + PostgreSQL; cpu ratio = bare/ours, the load-independent reading of the req/s ratio)',
  ].join('\n');
}

export function writeResults(results) {
  const dir = new URL('../results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL('latest.json', dir);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file.pathname;
}
