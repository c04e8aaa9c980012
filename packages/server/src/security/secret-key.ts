import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { blindIndexKeyFrom, deriveKey, type FieldKeys, fieldKeysFrom } from '../lib/crypto/sm.js';

export interface Keys {
  /** HMAC-SM3 key of the audit hash chain. */
  audit: Buffer;
  /** HMAC-SM3 key of the audit chain's checkpoints kept outside the database. */
  auditCheckpoint: Buffer;
  /** SM4 + HMAC-SM3 keys for personal data at rest. */
  field: FieldKeys;
  /** Key of the HMAC-SM3 blind index for exact lookups. */
  blindIndex: Buffer;
  /** Key for hashing session ids and API tokens at rest. */
  token: Buffer;
}

export function keysFromMaster(master: Buffer): Keys {
  return {
    audit: deriveKey(master, 'audit-chain'),
    auditCheckpoint: deriveKey(master, 'audit-checkpoint'),
    field: fieldKeysFrom(master),
    blindIndex: blindIndexKeyFrom(master),
    token: deriveKey(master, 'token-hash'),
  };
}

/** The master key is created once and never printed; losing it makes encrypted data unreadable. */
export function loadOrCreateMasterKey(file: string): Buffer {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'base64');
    if (key.length < 32) throw new Error(`密钥文件 ${file} 内容无效（需要至少 32 字节 base64）`);
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}
