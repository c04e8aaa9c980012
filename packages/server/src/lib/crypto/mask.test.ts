import { describe, expect, it } from 'vitest';
import { maskIdCard, maskPhone } from './mask.js';

describe('masking', () => {
  it('masks ID numbers keeping the first 3 and last 4', () => {
    expect(maskIdCard('110101199003071234')).toBe('110***********1234');
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X');
  });

  it('masks phone numbers keeping the first 3 and last 4', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks very short values entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskIdCard('')).toBe('');
  });
});
