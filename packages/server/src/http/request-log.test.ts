import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/factories.js';
import { readableLogStream } from '../lib/log/readable-log-stream.js';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('request lines in the server log', () => {
  it('are not written at the default level, info', async () => {
    const out = sink();
    t = await createTestApp({ logger: { level: 'info', stream: out.stream } });
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect(out.lines.filter((line) => line.includes('/healthz'))).toEqual([]);
  });

  it('are one line per request at debug, the query string by its parameter names only', async () => {
    const out = sink();
    t = await createTestApp({ logger: { level: 'debug', stream: out.stream } });
    await t.app.inject({ url: '/api/v1/residents?q=13957781234' });
    const lines = out.lines.filter((line) => line.includes('/api/v1/residents'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 20, req: { method: 'GET', url: '/api/v1/residents?q=*' } });
    expect(line.res.statusCode).toBe(401);
    expect(lines[0]).not.toContain('13957781234');
  });

  it('read as text on a terminal, still without the values of the query string', async () => {
    const out = sink();
    t = await createTestApp({ logger: { level: 'debug', stream: readableLogStream(out.stream) } });
    await t.app.inject({ url: '/api/v1/residents?q=13957781234' });
    const lines = out.lines.filter((line) => line.includes('/api/v1/residents'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d DEBUG GET \/api\/v1\/residents\?q=\* 401 \d+ms/);
  });
});
