import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  getHashes,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export type FieldKeys = { encKey: Buffer; macKey: Buffer };

const HASH = 'sm3';
const CIPHER = 'sm4-cbc';
const SM4_KEY_BYTES = 16;
const SM4_BLOCK_BYTES = 16;
const SM3_BYTES = 32;
const VERSION = 'v1';

/** True when the linked OpenSSL provides SM3 and SM4-CBC (OpenSSL 3 does by default). */
export function isSmCryptoAvailable(): boolean {
  return getHashes().includes(HASH) && getCiphers().includes(CIPHER);
}

/**
 * HMAC-SM3 over the parts, each prefixed with its 4-byte big-endian length so that
 * ('ab', 'c') and ('a', 'bc') never produce the same MAC.
 */
export function hmacSm3(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const hmac = createHmac(HASH, key);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(bytes.length);
    hmac.update(prefix);
    hmac.update(bytes);
  }
  return hmac.digest();
}

/** Derives an independent sub-key per label so one master key can serve several purposes. */
export function deriveKey(master: Buffer, label: string, length: 16 | 32 = 32): Buffer {
  if (master.length < 16) throw new RangeError('master key must be at least 16 bytes');
  if (length !== 16 && length !== SM3_BYTES)
    throw new RangeError('derived key length must be 16 or 32 bytes');
  return hmacSm3(master, 'fengqiao-kdf', label).subarray(0, length);
}

export function fieldKeysFrom(master: Buffer): FieldKeys {
  return {
    encKey: deriveKey(master, 'field-encryption/sm4', SM4_KEY_BYTES),
    macKey: deriveKey(master, 'field-mac/hmac-sm3', SM3_BYTES),
  };
}

/** A separate key for blind indexes, so equality lookups cannot be linked to the MAC key. */
export function blindIndexKeyFrom(master: Buffer): Buffer {
  return deriveKey(master, 'blind-index/hmac-sm3', SM3_BYTES);
}

/**
 * IVs are cut from a block of CSPRNG output, never reused: one random call per 1,024 fields instead of
 * one per field, which showed in the profile of a large import.
 */
const IV_POOL_BYTES = SM4_BLOCK_BYTES * 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + SM4_BLOCK_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + SM4_BLOCK_BYTES);
  ivOffset += SM4_BLOCK_BYTES;
  return iv;
}

function assertKeys(keys: FieldKeys): void {
  if (keys.encKey.length !== SM4_KEY_BYTES) throw new RangeError('encKey must be 16 bytes for SM4');
  if (keys.macKey.length < 16) throw new RangeError('macKey must be at least 16 bytes');
}

/**
 * Encrypts with SM4-CBC and a random IV, then MACs version+IV+ciphertext(+context) with HMAC-SM3.
 * `context` (e.g. table.column:rowId) is bound into the MAC but not stored, so a ciphertext
 * copied into another row or column fails to decrypt.
 */
export function encryptField(keys: FieldKeys, plaintext: string, context = ''): string {
  assertKeys(keys);
  const iv = nextIv();
  const cipher = createCipheriv(CIPHER, keys.encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = hmacSm3(keys.macKey, VERSION, iv, ciphertext, context);
  return [
    VERSION,
    iv.toString('base64url'),
    ciphertext.toString('base64url'),
    mac.toString('base64url'),
  ].join('.');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodePart(part: string, name: string): Buffer {
  if (!BASE64URL.test(part)) throw new Error(`encrypted field: ${name} is not base64url`);
  return Buffer.from(part, 'base64url');
}

export function decryptField(keys: FieldKeys, token: string, context = ''): string {
  assertKeys(keys);
  const parts = token.split('.');
  if (parts.length !== 4) throw new Error('encrypted field: malformed token');
  const [version, ivPart, ctPart, macPart] = parts as [string, string, string, string];
  if (version !== VERSION) throw new Error(`encrypted field: unsupported version ${version}`);
  const iv = decodePart(ivPart, 'iv');
  const ciphertext = decodePart(ctPart, 'ciphertext');
  const mac = decodePart(macPart, 'mac');
  if (iv.length !== SM4_BLOCK_BYTES) throw new Error('encrypted field: bad IV length');
  if (ciphertext.length === 0 || ciphertext.length % SM4_BLOCK_BYTES !== 0) {
    throw new Error('encrypted field: bad ciphertext length');
  }
  const expected = hmacSm3(keys.macKey, VERSION, iv, ciphertext, context);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new Error('encrypted field: MAC verification failed');
  }
  const decipher = createDecipheriv(CIPHER, keys.encKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** Normalises so that trivially different spellings (full-width digits, spaces, a lowercase x) match. */
export function normalizeForBlindIndex(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function blindIndex(key: Buffer, value: string): string {
  return hmacSm3(key, 'blind-index', normalizeForBlindIndex(value)).toString('hex');
}

const BYTES_VERSION = 1;

/**
 * encryptField for binary data of any size (an uploaded file held until its job runs): one buffer of
 * version byte, IV, SM4-CBC ciphertext and HMAC-SM3 over all of it plus `context`.
 */
export function encryptBytes(keys: FieldKeys, plaintext: Buffer, context = ''): Buffer {
  assertKeys(keys);
  const iv = randomBytes(SM4_BLOCK_BYTES);
  const cipher = createCipheriv(CIPHER, keys.encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const head = Buffer.from([BYTES_VERSION]);
  const mac = hmacSm3(keys.macKey, head, iv, ciphertext, context);
  return Buffer.concat([head, iv, ciphertext, mac]);
}

export function decryptBytes(keys: FieldKeys, sealed: Buffer, context = ''): Buffer {
  assertKeys(keys);
  if (sealed.length < 1 + SM4_BLOCK_BYTES * 2 + SM3_BYTES || sealed[0] !== BYTES_VERSION) {
    throw new Error('encrypted bytes: malformed');
  }
  const head = sealed.subarray(0, 1);
  const iv = sealed.subarray(1, 1 + SM4_BLOCK_BYTES);
  const ciphertext = sealed.subarray(1 + SM4_BLOCK_BYTES, sealed.length - SM3_BYTES);
  const mac = sealed.subarray(sealed.length - SM3_BYTES);
  if (ciphertext.length % SM4_BLOCK_BYTES !== 0) throw new Error('encrypted bytes: bad ciphertext length');
  const expected = hmacSm3(keys.macKey, head, iv, ciphertext, context);
  if (!timingSafeEqual(mac, expected)) throw new Error('encrypted bytes: MAC verification failed');
  const decipher = createDecipheriv(CIPHER, keys.encKey, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
