#!/usr/bin/env node
// What a browser must fetch to show each budgeted page, gzip, against its budget; exits 1 when one is
// exceeded. Runs after `vite build` (the web's build script) on dist/ and Vite's manifest.
//
// A page costs its HTML's script and modulepreload/stylesheet links, plus, for each lazily loaded
// module it needs (a route's page), that chunk and every chunk it imports statically: Vite fetches
// those together when the lazy import runs. Dynamic imports below them (the map) are not counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1000; // as Vite prints sizes

/** MapLibre's own control class names: only its code carries them. */
const MAPLIBRE = /maplibregl-ctrl/;

const BUDGETS = [
  {
    name: 'sign-in page /login (JS)',
    html: 'index.html',
    lazy: ['src/features/auth/pages/login-page.tsx'],
    count: ['js'],
    limit: 150 * KB,
    without: { MapLibre: MAPLIBRE },
  },
  {
    name: 'first screen after sign-in, map aside (JS)',
    html: 'index.html',
    lazy: ['src/app/signed-in-routes.tsx', 'src/features/home/pages/home-page.tsx'],
    count: ['js'],
    // Issue 8's figure. The shell and the home page's title and counts are drawn without antd;
    // antd comes with the map section, the org tree and the other pages (docs/performance.md).
    limit: 250 * KB,
    without: { MapLibre: MAPLIBRE },
  },
  {
    name: 'public door plate /h/:code (HTML + JS + CSS)',
    html: 'qr.html',
    lazy: [],
    count: ['html', 'js', 'css'],
    limit: 60 * KB,
    without: { MapLibre: MAPLIBRE },
  },
];

/** Shown for the record, not limited: what the map adds once the first screen is up. */
const MAP = {
  name: 'the map, loaded after the first screen (JS)',
  lazy: 'src/features/map/components/area-map.tsx',
};

const distArg = process.argv.indexOf('--dist');
const dist =
  distArg > 0
    ? path.resolve(process.argv[distArg + 1] ?? '')
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`bundle budgets: ${manifestPath} is missing; build.manifest must be on in vite.config.ts`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(dist, file))).length);
  return gzipped.get(file);
}

/** The files an HTML page names: its module scripts, modulepreloads and stylesheets. */
function filesOfHtml(html) {
  const text = readFileSync(path.join(dist, html), 'utf8');
  const files = [html];
  for (const tag of text.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const rel = tag.match(/\brel="([^"]+)"/)?.[1];
    const url = tag.match(/\b(?:src|href)="\/?([^"]+)"/)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    if (tag.startsWith('<script') || rel === 'modulepreload' || rel === 'stylesheet') files.push(url);
  }
  return files;
}

/** A manifest chunk, its static imports (recursively) and their CSS. */
function filesOfChunk(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not a chunk of its own in the manifest: is it still lazily loaded?`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOfChunk(imported, into);
  return into;
}

function kindOf(file) {
  if (file.endsWith('.html')) return 'html';
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  return 'other';
}

function filesOfPage(page) {
  const files = new Set(filesOfHtml(page.html));
  if (manifest[page.html]) filesOfChunk(page.html, files);
  for (const key of page.lazy) filesOfChunk(key, files);
  return files;
}

function measure(page, files = filesOfPage(page)) {
  const counted = [...files].filter((file) => page.count.includes(kindOf(file)));
  const bytes = counted.reduce((sum, file) => sum + gzipSize(file), 0);
  const found = Object.entries(page.without ?? {}).flatMap(([what, marker]) =>
    counted
      .filter((f) => kindOf(f) === 'js' && marker.test(readFileSync(path.join(dist, f), 'utf8')))
      .map((f) => `${what} is in ${f}`),
  );
  return { bytes, files: counted.length, found };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
let failed = false;
console.log('Bundle budgets (gzip):');
for (const page of BUDGETS) {
  let result;
  try {
    result = measure(page);
  } catch (err) {
    failed = true;
    console.log(`  ✗ ${page.name}: ${err.message}`);
    continue;
  }
  const over = result.bytes > page.limit || result.found.length > 0;
  failed ||= over;
  console.log(
    `  ${over ? '✗' : '✓'} ${page.name}: ${kb(result.bytes)} of ${kb(page.limit)} (${result.files} files)`,
  );
  for (const problem of result.found) console.log(`      but ${problem}`);
}
try {
  const firstScreen = filesOfPage(BUDGETS[1]);
  const added = new Set([...filesOfChunk(MAP.lazy)].filter((file) => !firstScreen.has(file)));
  const result = measure({ count: ['js'] }, added);
  console.log(`  · ${MAP.name}: ${kb(result.bytes)} more (${result.files} files)`);
} catch (err) {
  console.log(`  · ${MAP.name}: ${err.message}`);
}
if (failed) {
  console.error('A bundle budget is exceeded (packages/web/scripts/check-bundle-budgets.mjs).');
  process.exit(1);
}
