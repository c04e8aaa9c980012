import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from './format';

describe('sizes and counts on the import page', () => {
  it('shows file sizes in binary units, one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3072 GB');
  });

  it('groups thousands as antd’s Statistic does', () => {
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount(7)).toBe('7');
  });
});
