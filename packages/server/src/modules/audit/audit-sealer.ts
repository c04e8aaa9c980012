import { existsSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import type { Keys } from '../../security/secret-key.js';
import {
  type AuditLink,
  insertAuditLinks,
  isLegacyLink,
  readChainHead,
  readSealFloor,
  readSnapshotXmin,
  readUnsealedRows,
  tryLockSealer,
  unlockSealer,
} from './audit.repository.js';
import { GENESIS_HASH, hashAuditLink, hasValidMac } from './audit-chain.js';
import { appendCheckpoint } from './audit-checkpoint.js';

/** Where the chain is sealed from and anchored to. */
export interface AuditSealing {
  pool: pg.Pool;
  keys: Pick<Keys, 'audit' | 'auditCheckpoint'>;
  /** Signed checkpoints of the chain's head, outside the database cluster. */
  checkpointFile: string;
}

export interface SealResult {
  /** False when another sealer held the lock; nothing was done. */
  ran: boolean;
  sealed: number;
  /** Rows left unsealed because their MAC does not hold: written without the key. */
  refused: number[];
  head: { chainSeq: number; hash: string } | null;
}

const BATCH = 1000;

/**
 * What a long-lived sealer remembers between passes: the floor of its last complete pass, also when
 * that pass wrote no link to carry it (e.g. it only found rows it refused).
 */
export interface SealerMemo {
  floor: string | null;
}

const laterXid = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : BigInt(a) >= BigInt(b) ? a : b;

/**
 * Links every committed, unsealed audit row into the chain, in seq order, in batches; after each
 * batch commits, appends a signed checkpoint of the new head. Only one sealer runs at a time
 * (advisory lock taken by nobody else); requests never wait for it.
 */
export async function sealAuditChain(
  sealing: AuditSealing,
  memo: SealerMemo = { floor: null },
): Promise<SealResult> {
  const client = await sealing.pool.connect();
  // Held across the checkpoint write: a server going away then must fail this pass, not the process.
  const onError = () => {};
  client.on('error', onError);
  const db = drizzle(client, { schema });
  let broken: Error | undefined;
  try {
    if (!(await tryLockSealer(db))) return { ran: false, sealed: 0, refused: [], head: null };
    try {
      const result: SealResult = { ran: true, sealed: 0, refused: [], head: null };
      let afterSeq = 0;
      for (;;) {
        const batch = await db.transaction((tx) => sealBatch(tx, sealing.keys.audit, afterSeq, memo), {
          isolationLevel: 'repeatable read',
        });
        afterSeq = batch.lastSeenSeq;
        // Only once the batch's links have committed may the next pass skip what lies below its floor.
        memo.floor = laterXid(memo.floor, batch.floor);
        result.sealed += batch.links.length;
        result.refused.push(...batch.refused);
        result.head = batch.head;
        const last = batch.links.at(-1);
        if (last) {
          await appendCheckpoint(sealing.checkpointFile, sealing.keys.auditCheckpoint, {
            seq: last.chainSeq,
            hash: last.hash,
            at: new Date().toISOString(),
          });
        }
        if (!batch.more) {
          // A chain carried over from before checkpoints (migration 0008) gets its first anchor now. Only
          // then: once the app has sealed rows, a missing file is for verify to report, not to refill.
          if (
            result.sealed === 0 &&
            result.head &&
            !existsSync(sealing.checkpointFile) &&
            (await isLegacyLink(db, result.head.chainSeq))
          ) {
            await appendCheckpoint(sealing.checkpointFile, sealing.keys.auditCheckpoint, {
              seq: result.head.chainSeq,
              hash: result.head.hash,
              at: new Date().toISOString(),
            });
          }
          return result;
        }
      }
    } finally {
      await unlockSealer(db);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A connection whose unlock may not have gone through must not go back to the pool holding it.
    client.off('error', onError);
    client.release(broken);
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function sealBatch(tx: Tx, key: Buffer, afterSeq: number, memo: SealerMemo) {
  // First statement: its snapshot is the transaction's, so every transaction older than xmin is visible.
  const xmin = await readSnapshotXmin(tx);
  const floor = laterXid(await readSealFloor(tx), memo.floor);
  const head = await readChainHead(tx);
  const rows = await readUnsealedRows(tx, floor, afterSeq, BATCH + 1);
  const more = rows.length > BATCH;
  const seen = rows.slice(0, BATCH);
  let chainSeq = head?.chainSeq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const links: (AuditLink & { chainSeq: number; hash: string })[] = [];
  const refused: number[] = [];
  for (const row of seen) {
    if (!hasValidMac(key, row)) {
      refused.push(row.seq);
      continue;
    }
    chainSeq++;
    const hash = hashAuditLink(key, prevHash, row);
    links.push({ chainSeq, auditSeq: row.seq, prevHash, hash, xidFloor: null });
    prevHash = hash;
  }
  // The floor may move only when this one snapshot saw every unsealed row there was: a later batch of
  // the same pass starts past `afterSeq` and would miss rows below it that committed in between.
  const last = links.at(-1);
  const complete = !more && afterSeq === 0;
  if (last && complete) last.xidFloor = xmin;
  await insertAuditLinks(tx, links);
  return {
    floor: complete ? xmin : null,
    links,
    refused,
    more,
    lastSeenSeq: seen.at(-1)?.seq ?? afterSeq,
    head: last ? { chainSeq, hash: prevHash } : head,
  };
}

export interface AuditSealer {
  /** Seals now (waits for a pass already running first). */
  sealNow(): Promise<SealResult>;
  /**
   * Stops the timer and waits for a pass under way. No last pass: shutdown must be quick (the embedded
   * cluster is being stopped at the same time), and the next start or `audit verify` seals what is left.
   */
  stop(): Promise<void>;
}

/** Seals every `everyMs` in the background; each instance of the app may run one, the lock keeps them apart. */
export function startAuditSealer(
  sealing: AuditSealing,
  everyMs: number,
  log: { warn(obj: object, msg: string): void },
): AuditSealer {
  let running: Promise<SealResult> | null = null;
  const memo: SealerMemo = { floor: null };
  const warned = new Set<number>();
  const pass = (): Promise<SealResult> => {
    running ??= sealAuditChain(sealing, memo)
      .then((result) => {
        const fresh = result.refused.filter((seq) => !warned.has(seq));
        for (const seq of fresh) warned.add(seq);
        if (fresh.length > 0)
          log.warn(
            { seqs: fresh },
            'audit rows with an invalid MAC were not sealed (written without the key)',
          );
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () =>
    void pass().catch((error: unknown) => log.warn({ err: error }, 'audit sealing failed; retrying'));
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async sealNow() {
      await running?.catch(() => undefined);
      return pass();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
