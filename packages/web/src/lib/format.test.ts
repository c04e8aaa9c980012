// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeSeconds, groupInFours, isFuture } from './format';

describe('dates and secrets as the UI shows them', () => {
  it('shows times in China Standard Time whatever the zone they come in', () => {
    expect(formatDateTime('2026-01-31T16:30:00Z')).toBe('2026-02-01 00:30');
    expect(formatDateTime('2026-01-31T08:30:00+08:00')).toBe('2026-01-31 08:30');
    expect(formatDateTimeSeconds('2026-06-01T00:00:09Z')).toBe('2026-06-01 08:00:09');
  });

  it('shows the fallback for no time or a broken one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined, '从未')).toBe('从未');
    expect(formatDateTime('not a date', '—')).toBe('—');
    expect(formatDateTimeSeconds('')).toBe('—');
  });

  it('tells a future time (a lock still running) from a past one', () => {
    expect(isFuture(new Date(Date.now() + 60_000).toISOString())).toBe(true);
    expect(isFuture(new Date(Date.now() - 60_000).toISOString())).toBe(false);
    expect(isFuture(null)).toBe(false);
  });

  it('splits a TOTP secret into groups of four', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupInFours('ABCDEF')).toBe('ABCD EF');
    expect(groupInFours('')).toBe('');
  });
});
