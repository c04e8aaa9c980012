import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';

export type TableInput = { bytes: Buffer } | { path: string };

const CHUNK_SIZE = 1 << 20;

/** Random and sequential access to an uploaded file, whether it is in memory or on disk. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  readAt(offset: number, length: number): Promise<Buffer>;
  /** The whole file, front to back, in chunks of about 1 MiB. */
  chunks(): AsyncIterable<Buffer>;
  /** The whole file as a Node stream (exceljs wants one). */
  stream(): Readable;
  close(): Promise<void>;
}

export async function openByteSource(input: TableInput): Promise<ByteSource> {
  if ('bytes' in input) return bufferSource(input.bytes);
  const handle = await open(input.path, 'r');
  try {
    const { size } = await handle.stat();
    return fileSource(input.path, handle, size);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    readAt: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    chunks: async function* () {
      for (let i = 0; i < bytes.length; i += CHUNK_SIZE) yield bytes.subarray(i, i + CHUNK_SIZE);
    },
    stream: () => Readable.from([bytes], { objectMode: false }),
    close: async () => {},
  };
}

function fileSource(path: string, handle: FileHandle, size: number): ByteSource {
  const opened: Readable[] = [];
  return {
    size,
    readAt: async (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(n);
      let done = 0;
      while (done < n) {
        const { bytesRead } = await handle.read(buffer, done, n - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === n ? buffer : buffer.subarray(0, done);
    },
    chunks: () => {
      const stream = createReadStream(path, { highWaterMark: CHUNK_SIZE });
      opened.push(stream);
      return stream;
    },
    stream: () => {
      const stream = createReadStream(path, { highWaterMark: CHUNK_SIZE });
      opened.push(stream);
      return stream;
    },
    close: async () => {
      for (const stream of opened) stream.destroy();
      await handle.close();
    },
  };
}
