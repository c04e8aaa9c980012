import { describe, expect, it } from 'vitest';
import { buildZip, type TestEntry } from '../../../test/fixtures/import/build-zip.js';
import { openByteSource } from './byte-source.js';
import { ImportFileError } from './import-file-error.js';
import { checkZip } from './zip-check.js';

const ENTRIES: TestEntry[] = [
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<row>数据</row>'.repeat(500)), deflate: true },
];

const check = async (bytes: Buffer, limits?: { maxUncompressedBytes: number }) =>
  checkZip(await openByteSource({ bytes }), limits);

async function expectFileError(promise: Promise<unknown>, code: string, message: string | RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as ImportFileError).code).toBe(code);
  expect((error as ImportFileError).message).toMatch(message);
}

describe('checkZip', () => {
  it('lists the entries of a sound archive, stored or deflated', async () => {
    const entries = await check(buildZip(ENTRIES));
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['xl/workbook.xml', 0],
      ['xl/worksheets/sheet1.xml', 8],
    ]);
  });

  it('reads ZIP64 directories and extra fields', async () => {
    const entries = await check(buildZip(ENTRIES, { zip64: true }));
    expect(entries[1]?.uncompressedSize).toBe(ENTRIES[1]?.data.length);
  });

  it('tolerates an archive comment', async () => {
    const zip = buildZip(ENTRIES);
    zip.writeUInt16LE(5, zip.length - 2);
    expect(await check(Buffer.concat([zip, Buffer.from('hello')]))).toHaveLength(2);
  });

  it('rejects a truncated archive', async () => {
    const zip = buildZip(ENTRIES);
    await expectFileError(check(zip.subarray(0, zip.length - 30)), 'corrupt', /文件可能不完整|已损坏/);
    await expectFileError(check(zip.subarray(0, 10)), 'corrupt', /不完整/);
  });

  it('rejects a flipped byte in the compressed data (CRC or inflate failure)', async () => {
    const zip = buildZip(ENTRIES);
    const at = 30 + 'xl/workbook.xml'.length + 11 + 30 + 'xl/worksheets/sheet1.xml'.length + 5;
    const damaged = Buffer.from(zip);
    damaged[at] = (damaged[at] as number) ^ 0xff;
    await expectFileError(check(damaged), 'corrupt', /sheet1\.xml/);
  });

  it('rejects a flipped byte in stored data by its CRC', async () => {
    const zip = buildZip(ENTRIES);
    const damaged = Buffer.from(zip);
    const at = 30 + 'xl/workbook.xml'.length + 2;
    damaged[at] = (damaged[at] as number) ^ 0x01;
    await expectFileError(check(damaged), 'corrupt', 'workbook.xml 校验失败');
  });

  it('rejects a broken local header', async () => {
    const damaged = buildZip(ENTRIES);
    damaged.writeUInt32LE(0, 0);
    await expectFileError(check(damaged), 'corrupt', '文件头损坏');
  });

  it('rejects encrypted entries', async () => {
    await expectFileError(check(buildZip(ENTRIES, { flags: 1 })), 'corrupt', '已加密');
  });

  it('refuses archives that unpack beyond the limit', async () => {
    await expectFileError(check(buildZip(ENTRIES), { maxUncompressedBytes: 100 }), 'too-large', '过大');
  });
});
