// Builds what is missing or older than its sources, so `npm start` and `npx fengqiao` work on a fresh
// clone and restart at once when nothing changed. `node build-changed.mjs [--web] [--force]`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const at = (...parts) => path.join(root, ...parts);
const require = createRequire(at('package.json'));
/** A tool's own script, run with this node: no shell and no PATH lookup. */
const binOf = (pkg, bin) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin);

const shared = ['packages/shared/src', 'packages/shared/package.json', 'packages/shared/tsconfig.json'];

const targets = {
  server: {
    inputs: [
      ...shared,
      'packages/server/src',
      'packages/server/package.json',
      'packages/server/tsconfig.json',
      'tsconfig.base.json',
    ],
    stamp: 'packages/server/dist/.built',
    run: () => node(binOf('typescript', 'bin/tsc'), ['-b', 'packages/shared', 'packages/server'], root),
  },
  web: {
    inputs: [
      ...shared,
      'packages/web/src',
      'packages/web/public',
      'packages/web/index.html',
      'packages/web/qr.html',
      'packages/web/scripts',
      'packages/web/vite.config.ts',
      'packages/web/package.json',
      'packages/web/tsconfig.json',
    ],
    stamp: 'packages/web/dist/.built',
    run: () => {
      node(binOf('vite', 'bin/vite.js'), ['build', '--logLevel', 'warn'], at('packages/web'));
      // The bundle budgets fail the build, as `npm run build -w packages/web` does.
      node(at('packages/web/scripts/check-bundle-budgets.mjs'), [], at('packages/web'));
    },
  },
};

/** Newest modification time under the inputs; tests are not part of the build. */
function newestInput(inputs) {
  let newest = 0;
  const visit = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      // A directory's own time moves when a file in it is deleted or renamed.
      newest = Math.max(newest, stat.mtimeMs);
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else if (!/\.test\.tsx?$/.test(file)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of inputs) visit(at(input));
  return newest;
}

function node(script, args, cwd) {
  // The build's own output goes to stderr: a verb's stdout (a printed token) stays clean for scripts.
  const result = spawnSync(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`build failed: ${path.basename(script)} ${args.join(' ')}`);
}

export function isStale(name) {
  const target = targets[name];
  const stamp = statSync(at(target.stamp), { throwIfNoEntry: false });
  return !stamp || newestInput(target.inputs) > stamp.mtimeMs;
}

/** Builds the server (and the web, when asked) if its sources changed since the last build. */
export function buildChanged({ web = false, force = false } = {}) {
  // A checkout without sources (an installed package) runs what it ships.
  if (!existsSync(at('packages/server/src'))) return;
  for (const name of web ? ['server', 'web'] : ['server']) {
    if (!force && !isStale(name)) continue;
    const started = new Date();
    process.stderr.write(`构建 (building) ${name}…\n`);
    targets[name].run();
    // Stamped with the time the build began, so an edit made while it ran is built next time.
    writeFileSync(at(targets[name].stamp), '');
    utimesSync(at(targets[name].stamp), started, started);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildChanged({ web: process.argv.includes('--web'), force: process.argv.includes('--force') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
