import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { formatMessage, placeholdersOf } from './format.js';
import { zhCN } from './zh-CN.js';

describe('the message catalog', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('has the same placeholders for each key in both languages', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      expect({ key, params: placeholdersOf(en[key as keyof typeof zhCN]).sort() }).toEqual({
        key,
        params: placeholdersOf(text).sort(),
      });
    }
  });

  it('has no empty text', () => {
    for (const text of [...Object.values(zhCN), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('fills placeholders, taking the side of a localized value in that language', () => {
    expect(formatMessage('zh-CN', 'username_taken', { username: 'chief' })).toBe('用户名 chief 已被使用');
    expect(formatMessage('en', 'username_taken', { username: 'chief' })).toBe(
      'Username chief is already taken',
    );
    const kind = { zh: '网格', en: 'Grid' };
    expect(formatMessage('zh-CN', 'invalid_org_kind', { kind })).toBe('该上级单位下只能创建“网格”类型的单位');
    expect(formatMessage('en', 'invalid_org_kind', { kind })).toContain('“Grid”');
    expect(formatMessage('en', 'field.min_length', { limit: 3 })).toBe('Must be at least 3 long');
  });
});
