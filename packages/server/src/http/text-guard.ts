import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError, type RenderedFieldError, renderFieldErrors } from './app-error.js';

/**
 * U+0000 (PostgreSQL text and jsonb cannot hold it) or a UTF-16 surrogate without its partner (it
 * cannot be encoded as UTF-8: jsonb refuses it, text would silently store U+FFFD). Without the `u`
 * flag the pattern sees code units, so a valid pair matches neither alternative.
 */
const UNSAFE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MAX_REPORTED = 20;
/**
 * Deeper than any body of ours (a MultiPolygon boundary is 6 levels); the schema validator and
 * uniqueItems checks recurse, so a body nested thousands deep would otherwise exhaust the stack.
 */
export const MAX_DEPTH = 32;

export const isUnsafeText = (text: string) => UNSAFE_TEXT.test(text);

/** A key as it can be shown in a field name: the offending code units become U+FFFD. */
const printable = (key: string) => key.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '\ufffd');

/**
 * Every string (values and keys) in parsed JSON, a query or path parameters that the database could
 * not store faithfully, and every object or array nested deeper than MAX_DEPTH, named as the schema validator names fields (`address.street`, `roles.0`,
 * `querystring.q`, `params.id`). Iterative, so a body nested thousands deep cannot exhaust the stack;
 * buffers and streams (uploaded files) are not text and are left alone.
 */
export function findUnsafeFields(value: unknown, prefix: string): FieldError[] {
  const found: FieldError[] = [];
  const stack: Array<[unknown, string, number]> = [[value, prefix, 0]];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [item, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      if (isUnsafeText(item)) found.push({ field: path || 'body', key: keyFor(item) });
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      found.push({ field: path || 'body', key: 'field.too_deep', params: { max: MAX_DEPTH } });
      continue;
    }
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], join(path, String(i)), depth + 1]);
      continue;
    }
    if (isOpaque(item)) continue;
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      if (isUnsafeText(key)) {
        found.push({ field: join(path, printable(key)), key: 'field.unsafe_key' });
        continue;
      }
      stack.push([child, join(path, key), depth + 1]);
    }
  }
  return found;
}

/** What findUnsafeFields finds, with the messages in Chinese. */
export const findUnsafeText = (value: unknown, prefix: string): RenderedFieldError[] =>
  renderFieldErrors(findUnsafeFields(value, prefix), 'zh-CN');

/** Bytes and streams are not text; the query parser's objects have a null-prototype class, so no proto test. */
const isOpaque = (item: object) =>
  ArrayBuffer.isView(item) ||
  item instanceof ArrayBuffer ||
  typeof (item as { pipe?: unknown }).pipe === 'function';

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

const keyFor = (text: string) => (text.includes('\0') ? 'field.null_character' : 'field.lone_surrogate');

/**
 * One guard for every route, with or without a schema for the part: the parsed body, the decoded
 * query string (`%00` decodes to U+0000) and the path parameters are checked before validation, so
 * such text is a 400 naming the field and never reaches a query, an audit row or a log line; so is
 * nesting deeper than MAX_DEPTH, before the validator recurses into it.
 */
export function registerTextGuard(app: FastifyInstance): void {
  // Callback style: no promise per request on the hot read paths.
  app.addHook('preValidation', (request, _reply, done) => {
    const errors = [
      ...findUnsafeFields(request.params, 'params'),
      ...findUnsafeFields(request.query, 'querystring'),
      ...findUnsafeFields(request.body, ''),
    ];
    done(
      errors.length > 0
        ? new AppError(400, 'validation_failed', undefined, errors, { key: 'validation_failed.unsafe_text' })
        : undefined,
    );
  });
}
