// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { isRetryable, MAX_RETRIES, retryDelay, shouldRetry } from './retry-rule';

const failure = (status: number, code = 'http_error') =>
  new ApiError({ type: 'about:blank', title: 'failed', status, code });

describe('which failed reads are tried again', () => {
  it('tries again when the network dropped or the server failed', () => {
    expect(isRetryable(failure(0, 'network_error'))).toBe(true);
    expect(isRetryable(failure(500))).toBe(true);
    expect(isRetryable(failure(502))).toBe(true);
    expect(isRetryable(failure(503))).toBe(true);
  });

  it('never tries a 4xx again: the answer would not change', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429])
      expect(isRetryable(failure(status))).toBe(false);
  });

  it('does not try again a call that was aborted, nor an error that is not the API’s', () => {
    expect(isRetryable(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
  });

  it(`gives up after ${MAX_RETRIES} retries`, () => {
    const error = failure(503);
    expect([0, 1, 2].map((n) => shouldRetry(n, error))).toEqual([true, true, true]);
    expect(shouldRetry(MAX_RETRIES, error)).toBe(false);
    expect(shouldRetry(0, failure(404))).toBe(false);
  });

  it('waits 1 s, then twice as long each time, at most 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000,
    ]);
  });
});
