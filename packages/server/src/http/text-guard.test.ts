import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText, MAX_DEPTH } from './text-guard.js';

describe('isUnsafeText', () => {
  it('finds NUL and surrogates without their partner, and passes pairs', () => {
    for (const text of ['\u0000', 'a\u0000', '\ud800', 'x\udc00', '\udc00\ud800', '\ud83d\ud83d']) {
      expect(isUnsafeText(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['', '张三', '😀', '𠀀', 'a\ud83d\ude00b', '\\u0000']) {
      expect(isUnsafeText(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('findUnsafeText', () => {
  it('names values and keys as the validator names fields, nested and in arrays', () => {
    const found = findUnsafeText({ a: 'ok', b: { c: ['x', 'y\u0000'] }, 'k\u0000': 1, d: '\ud800' }, '');
    expect(found.sort((x, y) => (x.field < y.field ? -1 : 1))).toEqual([
      { field: 'b.c.1', message: expect.stringContaining('空字符') },
      { field: 'd', message: expect.stringContaining('代理项') },
      { field: 'k\ufffd', message: '字段名含有不允许的字符' },
    ]);
    expect(findUnsafeText({ q: '\u0000' }, 'querystring')).toEqual([
      { field: 'querystring.q', message: expect.any(String) },
    ]);
    expect(findUnsafeText('\u0000', '')).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('reads null-prototype objects (the query parser makes them) and leaves bytes alone', () => {
    const query = Object.assign(Object.create(null), { q: '\u0000' });
    expect(findUnsafeText(query, 'querystring')).toHaveLength(1);
    expect(findUnsafeText(Buffer.from([0, 0xed, 0xa0, 0x80]), '')).toEqual([]);
  });

  it('stops at MAX_DEPTH without recursing, however deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const found = findUnsafeText({ a: deep }, '');
    expect(found).toHaveLength(1);
    expect(found[0]?.field.split('.')).toHaveLength(MAX_DEPTH);
    expect(findUnsafeText({ a: [[[[['ok']]]]] }, '')).toEqual([]);
  });
});
