import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/factories.js';

// A built web app as Vite leaves it: the two pages and content-hashed assets.
const webDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-web-'));
mkdirSync(path.join(webDir, 'assets'));
writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><html><head><!-- fengqiao:config --></head></html>',
);
writeFileSync(
  path.join(webDir, 'qr.html'),
  '<!doctype html><html><head></head><body><main id="qr"></main></body></html>',
);
writeFileSync(path.join(webDir, 'assets', 'index-Bx81kQ2a.js'), 'console.log(1);');
writeFileSync(path.join(webDir, 'assets', 'index-C9dPq0Zt.css'), 'body{margin:0}');
writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDir });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const get = (url: string) => {
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return fetch(`http://127.0.0.1:${port}${url}`);
};

describe('the built web app over HTTP', () => {
  it('serves hashed scripts and styles with a year-long immutable cache', async () => {
    for (const asset of ['/assets/index-Bx81kQ2a.js', '/assets/index-C9dPq0Zt.css']) {
      const response = await get(asset);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('makes the browser revalidate the pages and unhashed files every time', async () => {
    for (const page of ['/', '/households', '/index.html', '/qr.html', '/favicon.svg']) {
      const response = await get(page);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers a missing asset with the app shell, not a cached file', async () => {
    const response = await get('/assets/gone-A1b2C3d4.js');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
