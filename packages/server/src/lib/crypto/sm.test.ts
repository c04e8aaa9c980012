import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  blindIndexKeyFrom,
  decryptBytes,
  decryptField,
  deriveKey,
  encryptBytes,
  encryptField,
  type FieldKeys,
  fieldKeysFrom,
  hmacSm3,
  isSmCryptoAvailable,
  normalizeForBlindIndex,
} from './sm.js';

const MASTER = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const keys = fieldKeysFrom(MASTER);

function tamper(token: string, index: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[index] as string, 'base64url');
  bytes[0] = (bytes[0] as number) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('SM primitives in this Node build', () => {
  it('provides SM3 and SM4-CBC', () => {
    expect(isSmCryptoAvailable()).toBe(true);
  });

  it('matches the GB/T 32905 SM3 test vector for "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('matches the GB/T 32907 SM4 test vector', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('hmacSm3', () => {
  it('returns 32 bytes and equals a manual length-prefixed HMAC', () => {
    const key = Buffer.from('secret');
    const manual = createHmac('sm3', key)
      .update(Buffer.from([0, 0, 0, 2]))
      .update('ab')
      .update(Buffer.from([0, 0, 0, 1]))
      .update(Buffer.from([0xff]))
      .digest();
    const mac = hmacSm3(key, 'ab', Buffer.from([0xff]));
    expect(mac).toHaveLength(32);
    expect(mac.equals(manual)).toBe(true);
  });

  it('is unambiguous about part boundaries', () => {
    const key = Buffer.from('k');
    expect(hmacSm3(key, 'ab', 'c').equals(hmacSm3(key, 'a', 'bc'))).toBe(false);
    expect(hmacSm3(key, 'abc').equals(hmacSm3(key, 'abc', ''))).toBe(false);
  });

  it('treats strings as UTF-8', () => {
    const key = Buffer.from('k');
    expect(hmacSm3(key, '枫桥').equals(hmacSm3(key, Buffer.from('枫桥', 'utf8')))).toBe(true);
  });
});

describe('deriveKey / fieldKeysFrom', () => {
  it('is deterministic and label-separated', () => {
    expect(deriveKey(MASTER, 'a').equals(deriveKey(MASTER, 'a'))).toBe(true);
    expect(deriveKey(MASTER, 'a').equals(deriveKey(MASTER, 'b'))).toBe(false);
  });

  it('returns 16 or 32 bytes, the short key being a prefix of the long one', () => {
    expect(deriveKey(MASTER, 'x', 16)).toHaveLength(16);
    expect(deriveKey(MASTER, 'x')).toHaveLength(32);
    expect(
      deriveKey(MASTER, 'x')
        .subarray(0, 16)
        .equals(deriveKey(MASTER, 'x', 16)),
    ).toBe(true);
  });

  it('rejects short master keys and odd lengths', () => {
    expect(() => deriveKey(Buffer.alloc(8), 'x')).toThrow(RangeError);
    expect(() => deriveKey(MASTER, 'x', 24 as 16)).toThrow(RangeError);
  });

  it('derives distinct SM4 and MAC keys of the right size', () => {
    expect(keys.encKey).toHaveLength(16);
    expect(keys.macKey).toHaveLength(32);
    expect(keys.macKey.subarray(0, 16).equals(keys.encKey)).toBe(false);
    expect(blindIndexKeyFrom(MASTER).equals(keys.macKey)).toBe(false);
  });
});

describe('encryptField / decryptField', () => {
  it('round-trips Chinese, empty and block-sized plaintexts', () => {
    for (const text of ['张三 浙江省诸暨市枫桥镇', '', '1234567890abcdef', '330681199001011234']) {
      expect(decryptField(keys, encryptField(keys, text))).toBe(text);
    }
  });

  it('produces the compact versioned format with a 16-byte IV and 32-byte MAC', () => {
    const token = encryptField(keys, 'hello');
    const [version, iv, ct, mac] = token.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv as string, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ct as string, 'base64url')).toHaveLength(16);
    expect(Buffer.from(mac as string, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptField(keys, 'same')).not.toBe(encryptField(keys, 'same'));
  });

  it('throws when the IV, ciphertext or MAC is tampered with', () => {
    const token = encryptField(keys, '13812341234');
    for (const index of [1, 2, 3]) {
      expect(() => decryptField(keys, tamper(token, index))).toThrow(/MAC verification failed/);
    }
  });

  it('throws on a truncated MAC, wrong version or malformed token', () => {
    const token = encryptField(keys, 'x');
    const parts = token.split('.');
    const shortMac = [...parts.slice(0, 3), (parts[3] as string).slice(0, 10)].join('.');
    expect(() => decryptField(keys, shortMac)).toThrow(/MAC/);
    expect(() => decryptField(keys, token.replace(/^v1/, 'v2'))).toThrow(/unsupported version/);
    expect(() => decryptField(keys, 'v1.abc')).toThrow(/malformed/);
    expect(() => decryptField(keys, `${token}.extra`)).toThrow(/malformed/);
    expect(() => decryptField(keys, token.replace(/\.([^.]+)$/, '.++++'))).toThrow(/base64url/);
  });

  it('throws with the wrong keys', () => {
    const other = fieldKeysFrom(Buffer.alloc(32, 7));
    expect(() => decryptField(other, encryptField(keys, 'secret'))).toThrow(/MAC/);
  });

  it('binds the optional context', () => {
    const token = encryptField(keys, '330681199001011234', 'resident.id_card:42');
    expect(decryptField(keys, token, 'resident.id_card:42')).toBe('330681199001011234');
    expect(() => decryptField(keys, token, 'resident.id_card:43')).toThrow(/MAC/);
    expect(() => decryptField(keys, token)).toThrow(/MAC/);
  });

  it('rejects keys of the wrong size', () => {
    const bad: FieldKeys = { encKey: Buffer.alloc(32), macKey: keys.macKey };
    expect(() => encryptField(bad, 'x')).toThrow(RangeError);
  });
});

describe('encryptBytes / decryptBytes', () => {
  it('round-trips binary data, hides it and binds the context', () => {
    const file = Buffer.concat([
      Buffer.from('姓名,身份证号\r\n张三,330681199001011234'),
      Buffer.from([0, 255, 7]),
    ]);
    const sealed = encryptBytes(keys, file, 'import_jobs.file:1');
    expect(sealed.includes(Buffer.from('330681199001011234'))).toBe(false);
    expect(decryptBytes(keys, sealed, 'import_jobs.file:1')).toEqual(file);
    expect(() => decryptBytes(keys, sealed, 'import_jobs.file:2')).toThrow(/MAC/);
    expect(decryptBytes(keys, encryptBytes(keys, Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('throws when any byte is altered or the buffer is cut', () => {
    const sealed = encryptBytes(keys, Buffer.from('13812341234'));
    for (const index of [1, 20, sealed.length - 1]) {
      const altered = Buffer.from(sealed);
      altered[index] = (altered[index] as number) ^ 0x01;
      expect(() => decryptBytes(keys, altered)).toThrow(/MAC/);
    }
    expect(() => decryptBytes(keys, sealed.subarray(0, 40))).toThrow(/malformed/);
  });
});

describe('blindIndex', () => {
  const key = blindIndexKeyFrom(MASTER);

  it('is deterministic 64-char hex', () => {
    const idx = blindIndex(key, '13812341234');
    expect(idx).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(key, '13812341234')).toBe(idx);
  });

  it('matches values differing only in case, spacing or full-width forms', () => {
    expect(blindIndex(key, '11010519491231002x')).toBe(blindIndex(key, '11010519491231002X'));
    expect(blindIndex(key, ' 138 1234 1234 ')).toBe(blindIndex(key, '13812341234'));
    expect(blindIndex(key, '１３８１２３４１２３４')).toBe(blindIndex(key, '13812341234'));
    expect(normalizeForBlindIndex(' 11010519491231002ｘ')).toBe('11010519491231002X');
  });

  it('differs between values and between keys', () => {
    expect(blindIndex(key, '13812341234')).not.toBe(blindIndex(key, '13812341235'));
    expect(blindIndex(keys.macKey, '13812341234')).not.toBe(blindIndex(key, '13812341234'));
  });
});
