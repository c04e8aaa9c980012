import { describe, expect, it } from 'vitest';
import { readableLogLine } from './readable-log-line.js';

const at = new Date(2026, 11, 6, 9, 5, 7).getTime();

describe('a log line for a person at a terminal', () => {
  it('reads a request as time, level, method, path, status and duration', () => {
    const json = JSON.stringify({
      level: 20,
      time: at,
      pid: 1,
      hostname: 'h',
      reqId: 'req-1',
      req: { method: 'GET', url: '/api/v1/residents?q=*' },
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    });
    expect(readableLogLine(json)).toBe('09:05:07 DEBUG GET /api/v1/residents?q=* 200 12ms reqId=req-1\n');
  });

  it('keeps the message and other fields, and puts an error with its stack under it', () => {
    const json = JSON.stringify({
      level: 50,
      time: at,
      msg: 'job failed',
      queue: 'import',
      err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at run (job.ts:1:1)' },
    });
    expect(readableLogLine(json)).toBe(
      '09:05:07 ERROR job failed queue=import Error: boom\n    at run (job.ts:1:1)\n',
    );
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(readableLogLine('plain text')).toBe('plain text\n');
  });
});
