import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { loggerOptions } from './logger-options.js';

const terminal = Object.assign(new PassThrough(), { isTTY: true });
const pipe = Object.assign(new PassThrough(), { isTTY: false });

describe("the server's log format", () => {
  it('is readable text on a terminal and JSON into a pipe or file, at info unless LOG_LEVEL says', () => {
    const config = loadConfig({});
    expect(loggerOptions(config, terminal)).toMatchObject({ level: 'info', stream: expect.anything() });
    expect(loggerOptions(config, pipe)).toEqual({ level: 'info' });
    expect(loggerOptions(loadConfig({ LOG_LEVEL: 'debug' }), pipe)).toEqual({ level: 'debug' });
  });

  it('follows FENGQIAO_LOG_FORMAT when it is set, and refuses a value it does not know', () => {
    expect(loggerOptions(loadConfig({ FENGQIAO_LOG_FORMAT: 'json' }), terminal)).toEqual({ level: 'info' });
    expect(loggerOptions(loadConfig({ FENGQIAO_LOG_FORMAT: 'text' }), pipe)).toHaveProperty('stream');
    expect(() => loadConfig({ FENGQIAO_LOG_FORMAT: 'pretty' })).toThrow(/text or json/);
  });
});
