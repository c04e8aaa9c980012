import type { Config } from '../config.js';
import { readableLogStream } from '../lib/log/readable-log-stream.js';

/** Readable lines for a person at a terminal, JSON lines for a log collector (or as configured). */
export function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  out: Pick<NodeJS.WriteStream, 'isTTY'> & NodeJS.WritableStream,
) {
  const text = config.logFormat ? config.logFormat === 'text' : out.isTTY === true;
  return text ? { level: config.logLevel, stream: readableLogStream(out) } : { level: config.logLevel };
}
