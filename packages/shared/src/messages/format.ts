import { en } from './en.js';
import { type MessageKey, zhCN } from './zh-CN.js';

export const MESSAGE_LOCALES = ['zh-CN', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** A parameter value that differs by language, such as an org kind's name. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type MessageParams = Record<string, string | number | LocalizedText>;

/** One message: a catalog key and the values for its placeholders. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const MESSAGE_CATALOGS: Record<MessageLocale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The placeholder names of a catalog text, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

function paramText(value: string | number | LocalizedText | undefined, locale: MessageLocale): string {
  if (value === undefined) return '';
  if (typeof value === 'object') return locale === 'en' ? value.en : value.zh;
  return String(value);
}

/** The catalog text of `key` in `locale` with its placeholders filled in. */
export function formatMessage(locale: MessageLocale, key: MessageKey, params: MessageParams = {}): string {
  const text = MESSAGE_CATALOGS[locale][key] ?? zhCN[key];
  return text.replace(PLACEHOLDER, (_all, name: string) => paramText(params[name], locale));
}
