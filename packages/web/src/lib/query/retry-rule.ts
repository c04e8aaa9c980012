import { ApiError, isAbort } from '../api-client';

/** How often a failed read is tried again before the page shows the error. */
export const MAX_RETRIES = 3;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15_000;

/**
 * A read is tried again only when trying again can help: the network dropped (a station on weak
 * signal) or the server failed (5xx). A 4xx answer (forbidden, not found, invalid) will not change,
 * and an aborted call was given up on purpose.
 */
export function isRetryable(error: unknown): boolean {
  if (isAbort(error)) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return false;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error);
}

/** 1 s, 2 s, 4 s, … capped at 15 s: the wait before retry number `attempt` + 1. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}
