// How long `npm start` takes to answer /readyz, as a newcomer types it: right after `npm ci` with nothing
// built and an empty data dir (cold), again with nothing changed (restart), and after a web source changed.
//   node bench/npm-start.mjs            restart and web-change runs (the data dir is seeded first)
//   node bench/npm-start.mjs --cold     also the cold run: deletes packages/*/dist first
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './lib/net-util.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 15 * 60_000;

async function npmStart(dataDir) {
  const port = await findFreePort();
  const env = { ...process.env, FENGQIAO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.FENGQIAO_SECRET_KEY_FILE;
  const started = performance.now();
  // detached: its own process group, so npm, the server and PostgreSQL stop together.
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let gone = false;
  exited.then(() => (gone = true));
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (gone) throw new Error(`npm start exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = Math.round(performance.now() - started);
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  // npm exits on the signal at once; the server under it is done when it has let go of the data dir.
  while (existsSync(path.join(dataDir, 'fengqiao.lock'))) await new Promise((r) => setTimeout(r, 50));
  const built = [...output.matchAll(/构建 \(building\) (\w+)/g)].map((m) => m[1]);
  return { readyMs, built: built.length ? built.join(' + ') : 'nothing' };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-npm-start-'));
chmodSync(dataDir, 0o755);
const rows = [];
try {
  if (process.argv.includes('--cold')) {
    for (const pkg of ['shared', 'server', 'web'])
      rmSync(path.join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });
    for (const pkg of ['shared', 'server'])
      rmSync(path.join(root, 'packages', pkg, 'tsconfig.tsbuildinfo'), { force: true });
    rows.push([
      'cold: nothing built, empty data dir (builds, initdb, migrations, demo seed)',
      await npmStart(dataDir),
    ]);
  } else {
    await npmStart(dataDir); // seeds the data dir and builds whatever is stale
  }
  for (let i = 1; i <= 3; i++) rows.push([`restart, nothing changed (${i})`, await npmStart(dataDir)]);
  const webSource = path.join(root, 'packages/web/src/main.tsx');
  const now = new Date();
  utimesSync(webSource, now, now);
  rows.push(['restart after a web source changed', await npmStart(dataDir)]);
  rows.push(['restart, nothing changed (after that)', await npmStart(dataDir)]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}, ${os.cpus().length} cores`,
);
console.log('| run | ready (ms, `npm start` → /readyz 200) | built |\n|---|---:|---|');
for (const [label, r] of rows) console.log(`| ${label} | ${r.readyMs} | ${r.built} |`);
