// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { createQueryClient, STALE_TIME_MS } from './query-client';

const failure = (status: number) => new ApiError({ type: 'about:blank', title: 'failed', status, code: 'x' });

/** Counts the calls of a query function that fails with `error` until call `okFrom`. */
function flaky(error: unknown, okFrom = Number.POSITIVE_INFINITY) {
  let calls = 0;
  const fn = async () => {
    calls++;
    if (calls < okFrom) throw error;
    return 'answer';
  };
  return { fn, calls: () => calls };
}

describe('the query client', () => {
  it('retries a read that met a server failure, and answers once the server recovers', async () => {
    const client = createQueryClient();
    const read = flaky(failure(503), 3);
    // The client's retry rule with no wait, so the test does not sleep through the backoff.
    await expect(client.fetchQuery({ queryKey: ['r1'], queryFn: read.fn, retryDelay: 0 })).resolves.toBe(
      'answer',
    );
    expect(read.calls()).toBe(3);
  });

  it('gives up on a dropped network after three retries, and never retries a 404', async () => {
    const client = createQueryClient();
    const offline = flaky(failure(0));
    await expect(
      client.fetchQuery({ queryKey: ['r2'], queryFn: offline.fn, retryDelay: 0 }),
    ).rejects.toThrow();
    expect(offline.calls()).toBe(4);

    const missing = flaky(failure(404));
    await expect(
      client.fetchQuery({ queryKey: ['r3'], queryFn: missing.fn, retryDelay: 0 }),
    ).rejects.toThrow();
    expect(missing.calls()).toBe(1);
  });

  it('never retries a write, even after a server failure', async () => {
    const client = createQueryClient();
    const write = flaky(failure(503));
    const mutation = client.getMutationCache().build(client, { mutationFn: write.fn, retryDelay: 0 });
    await expect(mutation.execute(undefined)).rejects.toThrow();
    expect(write.calls()).toBe(1);
  });

  it('serves a fresh answer from the cache instead of fetching it again', async () => {
    const client = createQueryClient();
    const read = flaky(null, 1);
    await client.fetchQuery({ queryKey: ['r4'], queryFn: read.fn });
    await client.fetchQuery({ queryKey: ['r4'], queryFn: read.fn, staleTime: STALE_TIME_MS });
    expect(read.calls()).toBe(1);
    await client.invalidateQueries({ queryKey: ['r4'] });
    await client.fetchQuery({ queryKey: ['r4'], queryFn: read.fn });
    expect(read.calls()).toBe(2);
  });

  it('refetches on reconnect and not on a focus change', () => {
    const defaults = createQueryClient().getDefaultOptions().queries;
    expect(defaults?.refetchOnReconnect).toBe(true);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
    expect(defaults?.staleTime).toBe(STALE_TIME_MS);
  });
});
