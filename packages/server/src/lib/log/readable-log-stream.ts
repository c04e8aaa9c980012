import { Writable } from 'node:stream';
import { readableLogLine } from './readable-log-line.js';

/** A pino destination that writes each JSON line to `out` as a line a person reads. */
export function readableLogStream(out: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk, _encoding, done) {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(readableLogLine(line));
      done();
    },
    final(done) {
      if (pending) out.write(readableLogLine(pending));
      done();
    },
  });
}
