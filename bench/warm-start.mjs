import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findFreePort } from './lib/net-util.mjs';
import { serverDistPath } from './lib/server-dist.mjs';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** Starts `fengqiao serve` on an already-seeded data dir; resolves once /readyz answers 200. */
export async function startServe(dataDir) {
  const port = await findFreePort();
  const env = { ...process.env, FENGQIAO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.FENGQIAO_SECRET_KEY_FILE;
  const started = performance.now();
  const child = spawn(process.execPath, [serverDistPath('cli/main.js'), 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  let gone = null;
  exited.then((r) => {
    gone = r;
  });
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (gone) throw new Error(`serve exited early (${gone.code ?? gone.signal}): ${stderr}`);
    if (await isReady(url)) {
      return { url, pid: child.pid, readyMs: Math.round(performance.now() - started), stop };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await stop();
  throw new Error(`serve was not ready within ${READY_TIMEOUT_MS} ms: ${stderr}`);
}

async function isReady(url) {
  try {
    const response = await fetch(`${url}/readyz`);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawn-to-ready time of `serve`, `runs` times (a clean stop between runs). `whileUp` is called on
 * the last start before it is stopped, e.g. to load it and read its memory.
 */
export async function measureWarmStart(dataDir, { runs = 3, whileUp } = {}) {
  const times = [];
  let extra = null;
  for (let i = 0; i < runs; i++) {
    const server = await startServe(dataDir);
    times.push(server.readyMs);
    try {
      if (i === runs - 1 && whileUp) extra = await whileUp(server);
    } finally {
      const { code, signal } = await server.stop();
      if (code !== 0) console.warn(`serve stopped with ${code ?? signal}`);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runsMs: times, medianMs: sorted[Math.floor(sorted.length / 2)], extra };
}

// `node bench/warm-start.mjs <seeded data dir>` measures the start time alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error('usage: node bench/warm-start.mjs <seeded FENGQIAO_DATA_DIR>');
    process.exit(2);
  }
  console.log(await measureWarmStart(dataDir));
}
