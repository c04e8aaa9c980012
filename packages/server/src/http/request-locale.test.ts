import { describe, expect, it } from 'vitest';
import { localeOfAcceptLanguage } from './request-locale.js';

describe('localeOfAcceptLanguage', () => {
  it('answers in Chinese without a header or for languages we do not speak', () => {
    expect(localeOfAcceptLanguage(undefined)).toBe('zh-CN');
    expect(localeOfAcceptLanguage('')).toBe('zh-CN');
    expect(localeOfAcceptLanguage('fr-FR')).toBe('zh-CN');
    expect(localeOfAcceptLanguage('*')).toBe('zh-CN');
    expect(localeOfAcceptLanguage('zh-CN')).toBe('zh-CN');
  });

  it('answers in English for en, en-US and a weighted en', () => {
    expect(localeOfAcceptLanguage('en')).toBe('en');
    expect(localeOfAcceptLanguage('en-US')).toBe('en');
    expect(localeOfAcceptLanguage('en;q=0.9')).toBe('en');
    expect(localeOfAcceptLanguage('fr;q=1, en-GB;q=0.5')).toBe('en');
  });

  it('follows the weights between Chinese and English', () => {
    expect(localeOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeOfAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeOfAcceptLanguage('zh;q=0.5, en;q=0.7')).toBe('en');
    expect(localeOfAcceptLanguage('en;q=0, zh')).toBe('zh-CN');
  });
});
