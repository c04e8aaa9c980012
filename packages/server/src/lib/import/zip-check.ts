import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type { ByteSource } from './byte-source.js';
import { ImportFileError } from './import-file-error.js';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipCheckLimits {
  /** Refuse archives that claim to unpack to more than this many bytes (zip bombs). */
  maxUncompressedBytes: number;
}

const DEFAULT_LIMITS: ZipCheckLimits = { maxUncompressedBytes: 1024 * 1024 * 1024 };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const READ_CHUNK = 1 << 20;

const corrupt = (detail: string) =>
  new ImportFileError('corrupt', `xlsx 文件已损坏（${detail}），请重新导出后再导入`);

/**
 * Reads the zip central directory and inflates every entry, checking its CRC-32 and size.
 *
 * exceljs streams a zip front to back and hangs (never settles) on some corrupt archives and on
 * empty input, and a truncated archive can look like a shorter sheet. Checking the whole archive
 * first means exceljs only ever sees a sound zip, so a broken upload fails before any row is read.
 */
export async function checkZip(
  source: ByteSource,
  limits: ZipCheckLimits = DEFAULT_LIMITS,
): Promise<ZipEntry[]> {
  const entries = await readCentralDirectory(source);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new ImportFileError('too-large', '文件解压后过大，请拆分成多个文件后再导入');
  }
  for (const entry of entries) await checkEntry(source, entry);
  return entries;
}

export async function readCentralDirectory(source: ByteSource): Promise<ZipEntry[]> {
  if (source.size < EOCD_SIZE) throw corrupt('文件不完整');
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.readAt(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('缺少目录，文件可能不完整');

  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== SIG_ZIP64_LOCATOR) throw corrupt('ZIP64 目录缺失');
    const recordOffset = Number(tail.readBigUInt64LE(locatorAt + 8));
    const record = await source.readAt(recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw corrupt('ZIP64 目录损坏');
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > source.size) throw corrupt('目录超出文件末尾，文件可能不完整');

  const cd = await source.readAt(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt('目录项损坏');
    const flags = cd.readUInt16LE(p + 8);
    if (flags & 1) throw new ImportFileError('corrupt', '文件已加密，请取消密码保护后再导入');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > cd.length) throw corrupt('目录项损坏');
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that do not fit 32 bits live, in this order, in the 0x0001 extra field. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const needs = [
    entry.uncompressedSize === U32_MAX,
    entry.compressedSize === U32_MAX,
    entry.localHeaderOffset === U32_MAX,
  ];
  if (!needs.some(Boolean)) return;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size) throw corrupt('ZIP64 扩展字段损坏');
        const value = Number(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (needs[0]) entry.uncompressedSize = next();
      if (needs[1]) entry.compressedSize = next();
      if (needs[2]) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + size;
  }
  throw corrupt('ZIP64 扩展字段缺失');
}

async function checkEntry(source: ByteSource, entry: ZipEntry): Promise<void> {
  const header = await source.readAt(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw corrupt(`${entry.name} 的文件头损坏`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > source.size) throw corrupt(`${entry.name} 不完整`);
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(`${entry.name} 使用了不支持的压缩方式`);

  async function* compressed() {
    for (let at = dataStart; at < dataEnd; at += READ_CHUNK) {
      yield await source.readAt(at, Math.min(READ_CHUNK, dataEnd - at));
    }
  }
  let crc = 0;
  let size = 0;
  const consume = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > entry.uncompressedSize) throw corrupt(`${entry.name} 解压后的大小不符`);
      crc = crc32(chunk, crc);
    }
  };
  try {
    if (entry.method === 0) await consume(compressed());
    else await pipeline(Readable.from(compressed()), createInflateRaw(), consume);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('corrupt', `xlsx 文件已损坏（${entry.name} 无法解压），请重新导出后再导入`, {
      cause: error,
    });
  }
  if (size !== entry.uncompressedSize || crc >>> 0 !== entry.crc) {
    throw corrupt(`${entry.name} 校验失败`);
  }
}
