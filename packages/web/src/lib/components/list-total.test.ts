import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { listTotalText } from './list-total';

const t = ((key: string, values: { n: string }) =>
  key === 'common.totalExact' ? `共 ${values.n} 条` : `约 ${values.n} 条`) as unknown as TFunction;

describe('a list total', () => {
  it('reads 共 N 条 when counted and 约 N 条 when estimated', () => {
    expect(listTotalText({ n: 37, exact: true }, t, 'zh-CN')).toBe('共 37 条');
    expect(listTotalText({ n: 1234567, exact: false }, t, 'zh-CN')).toBe('约 1,234,567 条');
  });
});
