import iconv from 'iconv-lite';
import type { ByteSource } from './byte-source.js';
import { ImportFileError } from './import-file-error.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-8 (with or without BOM) unless the bytes are not valid UTF-8, in which case GB18030 (a
 * superset of GBK and GB2312, what Excel and WPS write for "CSV" on Chinese Windows). A UTF-16
 * BOM (Excel's "Unicode text") is honoured too. Validity is checked over the whole file, streamed,
 * so a file whose first Chinese character comes late is still decoded correctly.
 */
export async function detectEncoding(source: ByteSource): Promise<DetectedEncoding> {
  const head = await source.readAt(0, SNIFF_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head.includes(0)) {
    throw new ImportFileError('not-text', '文件不是文本格式的 CSV 文件，请选择 CSV 或 xlsx 文件');
  }
  return { encoding: (await isValidUtf8(source)) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

async function isValidUtf8(source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.chunks()) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Decodes the file chunk by chunk; characters split across chunks are handled by the decoders. */
export async function* decodeChunks(source: ByteSource, detected: DetectedEncoding): AsyncGenerator<string> {
  let skip = detected.bomLength;
  if (detected.encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for await (const chunk of source.chunks()) {
      const text = decoder.decode(skip ? chunk.subarray(skip) : chunk, { stream: true });
      skip = 0;
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
    return;
  }
  const decoder = iconv.getDecoder(detected.encoding === 'gb18030' ? 'gb18030' : detected.encoding, {
    stripBOM: false,
  });
  for await (const chunk of source.chunks()) {
    const part = skip ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
    skip = Math.max(0, skip - chunk.length);
    const text = decoder.write(part);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
