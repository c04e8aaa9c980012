#!/usr/bin/env node
// The `fengqiao` command: builds what changed (right after `npm ci` that is everything), then runs the CLI.
import { buildChanged } from './build-changed.mjs';

const args = process.argv.slice(2);
const serving = args[0] === 'serve' && !args.includes('--help') && !args.includes('-h');
try {
  buildChanged({ web: serving });
} catch (error) {
  process.stderr.write(`错误 (error): ${error.message}\n`);
  process.exit(1);
}
await import('../dist/cli/main.js');
