import type { FastifyServerOptions } from 'fastify';

type LoggerOption = FastifyServerOptions['logger'];

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

interface LoggedError {
  name?: string;
  code?: unknown;
  statusCode?: unknown;
  message?: string;
  stack?: string;
  cause?: unknown;
}

/**
 * A query string may carry an ID number or a phone (`/residents?q=…`): only its parameter names are
 * logged, never their values.
 */
export function loggableUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = [...new URLSearchParams(url.slice(mark + 1)).keys()];
  return `${url.slice(0, mark)}${names.length ? `?${[...new Set(names)].map((n) => `${n}=*`).join('&')}` : ''}`;
}

/**
 * Driver errors quote the values they failed on: Drizzle appends `params: …` to the message, PostgreSQL
 * says `Key (col)=(value)` in its detail. Both are cut before a line reaches the log.
 */
export function scrubErrorText(text: string): string {
  return text.replace(/^params:.*$/gm, 'params: [redacted]').replace(/\)=\([^)]*\)/g, ')=(***)');
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(error: unknown, depth = 0): SerializedError {
  if (!error || typeof error !== 'object')
    return { type: typeof error, message: scrubErrorText(String(error)), stack: '' };
  const e = error as LoggedError;
  return {
    type: e.name ?? 'Error',
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    message: scrubErrorText(e.message ?? ''),
    stack: scrubErrorText(e.stack ?? ''),
    ...(e.cause && depth < 2 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

const privacySerializers = {
  req: (request: LoggedRequest) => ({
    method: request.method,
    url: loggableUrl(request.url ?? ''),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
  err: serializeError,
  error: serializeError,
};

/** The app's logger options with serializers that keep personal data out of every line. */
export function withPrivacySerializers(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...base.serializers, ...privacySerializers } };
}
