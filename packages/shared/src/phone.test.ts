import { describe, expect, it } from 'vitest';
import { MOBILE_PATTERN, normalizeMobile, WORK_PHONE_PATTERN } from './phone.js';

describe('normalizeMobile', () => {
  it('keeps the 11 digits of a mobile written with spaces, dashes or +86', () => {
    expect(normalizeMobile('13812341234')).toBe('13812341234');
    expect(normalizeMobile(' 138 1234-1234 ')).toBe('13812341234');
    expect(normalizeMobile('+86 138 1234 1234')).toBe('13812341234');
    expect(normalizeMobile('8613812341234')).toBe('13812341234');
  });

  it('answers null for what is not a mainland mobile', () => {
    expect(normalizeMobile('12812341234')).toBeNull();
    expect(normalizeMobile('1381234123')).toBeNull();
    expect(normalizeMobile('138123412345')).toBeNull();
    expect(normalizeMobile('0571-88001234')).toBeNull();
    expect(normalizeMobile('')).toBeNull();
  });
});

describe('phone patterns', () => {
  it('accept a work phone as a mobile or a landline with area code, and a mobile alone', () => {
    const work = new RegExp(WORK_PHONE_PATTERN);
    expect(
      ['13812341234', '0571-88001234', '057188001234', '010-12345678-123'].every((p) => work.test(p)),
    ).toBe(true);
    expect(['12812341234', '88001234', '+8613812341234'].some((p) => work.test(p))).toBe(false);
    expect(new RegExp(MOBILE_PATTERN).test('13812341234')).toBe(true);
    expect(new RegExp(MOBILE_PATTERN).test('0571-88001234')).toBe(false);
  });
});
