import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { hmacSm3 } from '../../lib/crypto/sm.js';
import { sameHex } from './audit-chain.js';

/** The chain's head at one moment, signed, kept outside the database so a cut tail shows. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export interface CheckpointFile {
  exists: boolean;
  checkpoints: (Checkpoint & { line: number })[];
  /** Lines (1-based) that do not parse or whose signature does not hold. */
  badLines: number[];
}

function signCheckpoint(key: Buffer, c: Checkpoint): string {
  return hmacSm3(key, 'fengqiao-audit-checkpoint/v1', String(c.seq), c.hash, c.at).toString('hex');
}

/**
 * One JSON line per sealed batch, appended and fsync'd before the sealer lets go of its lock:
 * `{"seq":42,"hash":"<64 hex>","at":"2026-12-04T18:00:00.000Z","mac":"<64 hex>"}`.
 */
export async function appendCheckpoint(file: string, key: Buffer, checkpoint: Checkpoint): Promise<void> {
  const line = `${JSON.stringify({ ...checkpoint, mac: signCheckpoint(key, checkpoint) })}\n`;
  const created = !existsSync(file);
  if (created) await mkdir(path.dirname(file), { recursive: true });
  // Off the event loop: an fsync can take milliseconds, and requests share this thread.
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.write(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncDirectory(path.dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is already on disk.
  }
}

export function readCheckpoints(file: string, key: Buffer): CheckpointFile {
  if (!existsSync(file)) return { exists: false, checkpoints: [], badLines: [] };
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // A line cut short by a power loss mid-write has no newline yet: not a checkpoint, not tampering.
  if (!text.endsWith('\n')) lines.pop();
  const checkpoints: CheckpointFile['checkpoints'] = [];
  const badLines: number[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const parsed = parseLine(raw);
    if (parsed && sameHex(signCheckpoint(key, parsed), parsed.mac)) {
      checkpoints.push({ seq: parsed.seq, hash: parsed.hash, at: parsed.at, line: i + 1 });
    } else badLines.push(i + 1);
  });
  return { exists: true, checkpoints, badLines };
}

function parseLine(raw: string): (Checkpoint & { mac: string }) | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (
      typeof v.seq === 'number' &&
      Number.isSafeInteger(v.seq) &&
      typeof v.hash === 'string' &&
      typeof v.at === 'string' &&
      typeof v.mac === 'string'
    )
      return { seq: v.seq, hash: v.hash, at: v.at, mac: v.mac };
  } catch {
    // falls through: reported as a bad line
  }
  return null;
}
