/** pino's numeric levels, as a person reads them. */
const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields shown in their own way (or not at all) instead of as `key=value`. */
const SHOWN_APART = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'req', 'res', 'err', 'responseTime']);

interface LogRecord {
  [key: string]: unknown;
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
}

function clock(time: number | undefined): string {
  const at = new Date(time ?? Date.now());
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One pino JSON line as one line a person reads on a terminal (`12:03:04 INFO  GET /api/v1/orgs 200
 * 12ms`), with an error's stack below it. Only what pino wrote is shown, so the privacy serializers
 * have already done their work; a line that is not JSON is passed through as it is.
 */
export function readableLogLine(json: string): string {
  let record: LogRecord;
  try {
    record = JSON.parse(json) as LogRecord;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const parts = [clock(record.time), (LEVEL_NAMES[record.level ?? 30] ?? 'LOG').padEnd(5)];
  if (record.req) parts.push(`${record.req.method ?? ''} ${record.req.url ?? ''}`.trim());
  if (record.res?.statusCode !== undefined) parts.push(String(record.res.statusCode));
  if (typeof record.responseTime === 'number') parts.push(`${Math.round(record.responseTime)}ms`);
  if (record.msg && !(record.req && record.msg === 'request completed')) parts.push(record.msg);
  for (const [key, value] of Object.entries(record)) {
    if (!SHOWN_APART.has(key) && value !== undefined) parts.push(`${key}=${valueText(value)}`);
  }
  const { err } = record;
  if (err) parts.push(`${err.type ?? 'Error'}: ${err.message ?? ''}`);
  const stack = err?.stack ? `\n${err.stack.split('\n').slice(1).join('\n')}` : '';
  return `${parts.join(' ')}${stack}\n`;
}
