import { randomInt } from 'node:crypto';
import { formatMessage, requiresTotp } from '@fengqiao/shared';
import { uuidv7 } from 'uuidv7';
import type { orgUnits, users } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import {
  type DemoHousehold,
  demoGridInputs,
  generateDemoHouseholds,
} from '../../lib/demo/demo-households.js';
import { buildDemoStation, type DemoOrgNode } from '../../lib/demo/demo-station.js';
import { hashPassword } from '../../lib/security/password-hash.js';
import { passwordProblems } from '../../lib/security/password-policy.js';
import { createTotpSecret, sealTotpSecret } from '../../lib/security/totp.js';
import type { SystemContext } from '../../security/context.js';
import { recordAudit } from '../audit/index.js';
import { analyzeRegister, type BulkHousehold, writeHouseholdBatch } from '../household-import/index.js';
import { loadGridLocator } from '../households/index.js';
import { insertOrgUnitRows, insertUserRows, isDatabaseEmpty } from './demo-seed.repository.js';

export interface DemoLogin {
  username: string;
  displayName: string;
  title: string;
  roles: string[];
  totpSecret: string | null;
}

export interface DemoSeedResult {
  password: string;
  orgUnits: number;
  households: number;
  residents: number;
  logins: DemoLogin[];
}

/** A generated household as the bulk writer takes it; `room` may be overridden for a second door. */
export function demoToBulk(h: DemoHousehold, room = h.address.room): BulkHousehold {
  return {
    address: {
      community: h.address.community,
      street: h.address.street,
      room,
      ...(h.address.building ? { building: h.address.building } : {}),
      ...(h.address.unit ? { unit: h.address.unit } : {}),
    },
    lng: h.lng,
    lat: h.lat,
    residents: h.residents,
  };
}

/** The articles' stations have 45k–100k residents; ~15,000 households gives ~45,000. */
export const DEMO_HOUSEHOLDS = 15_000;
/** `seed demo --scale city`: the register of a city bureau, for load and scale tests. */
export const CITY_HOUSEHOLDS = 1_000_000;

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random demo password that always meets the complexity rule. */
export function generateDemoPassword(): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return `Fq-${body}7`;
}

export { isDatabaseEmpty };

function flattenTree(root: DemoOrgNode) {
  const rows: (typeof orgUnits.$inferInsert & { id: string; path: string })[] = [];
  const walk = (node: DemoOrgNode, parent: (typeof rows)[number] | null, stationId: string | null) => {
    const id = uuidv7();
    const ownStation = node.kind === 'station' ? id : stationId;
    const row = {
      id,
      parentId: parent?.id ?? null,
      stationId: ownStation,
      kind: node.kind,
      code: node.code,
      name: node.name,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? (parent.depth ?? 0) + 1 : 0,
      boundary: node.boundary ?? null,
    };
    rows.push(row);
    for (const child of node.children ?? []) walk(child, row, ownStation);
  };
  walk(root, null, null);
  return rows;
}

/** Loads the deterministic demo station (org tree, grids, staff accounts) into an empty database. */
export async function seedDemoStation(
  ctx: SystemContext,
  options: {
    password?: string;
    seed?: number;
    households?: number;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<DemoSeedResult> {
  const password = options.password ?? generateDemoPassword();
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    const list = {
      zh: problems.map((p) => formatMessage('zh-CN', p.key, p.params)).join('；'),
      en: problems.map((p) => formatMessage('en', p.key, p.params)).join('; '),
    };
    throw new AppError(422, 'weak_password', { problems: list }, undefined, { key: 'weak_password.demo' });
  }
  if (!(await isDatabaseEmpty(ctx.db))) throw new AppError(409, 'not_empty');

  const station = buildDemoStation(options.seed);
  const orgRows = flattenTree(station.root);
  const byCode = new Map(orgRows.map((r) => [r.code, r]));
  // One hash for all demo accounts: they share the printed password, and hashing a hundred times slows start-up.
  const passwordHash = await hashPassword(password);
  const logins: DemoLogin[] = [];
  const userRows: (typeof users.$inferInsert)[] = station.staff.map((person) => {
    const org = byCode.get(person.orgCode);
    const scope = byCode.get(person.scopeCode);
    if (!org || !scope) throw new Error(`demo staff ${person.username} refers to unknown org`);
    const totpSecret = requiresTotp(person.roles) ? createTotpSecret() : null;
    logins.push({ ...person, totpSecret });
    return {
      id: uuidv7(),
      stationId: org.stationId ?? null,
      username: person.username,
      displayName: person.displayName,
      passwordHash,
      roles: person.roles,
      orgUnitId: org.id,
      scopeOrgId: scope.id,
      scopePath: scope.path,
      workPhone: person.workPhone ?? null,
      totpSecret: totpSecret ? sealTotpSecret(ctx.keys.field, totpSecret) : null,
      totpEnabled: Boolean(totpSecret),
    };
  });

  const stationRow = orgRows.find((r) => r.kind === 'station');
  if (!stationRow) throw new Error('demo station has no station unit');
  const householdCount = options.households ?? DEMO_HOUSEHOLDS;
  let residents = 0;
  await ctx.db.transaction(async (tx) => {
    await insertOrgUnitRows(tx, orgRows);
    await insertUserRows(tx, userRows);
    const target = {
      db: tx,
      keys: ctx.keys,
      stationId: stationRow.id,
      fallbackPath: stationRow.path,
      scopePath: stationRow.path,
      actor: null,
    };
    const locate = await loadGridLocator(tx, stationRow.id, stationRow.path);
    const households = generateDemoHouseholds(demoGridInputs(station), {
      seed: station.seed,
      households: householdCount,
    });
    let batch: BulkHousehold[] = [];
    let done = 0;
    const flush = async () => {
      await writeHouseholdBatch(target, locate, batch);
      done += batch.length;
      options.onProgress?.(done, householdCount);
      batch = [];
    };
    for (const h of households) {
      residents += h.residents.length;
      batch.push(demoToBulk(h));
      if (batch.length === 1000) await flush();
    }
    if (batch.length > 0) await flush();
    await recordAudit(tx, ctx.keys.audit, {
      stationId: orgRows.find((r) => r.kind === 'station')?.id ?? null,
      action: 'seed.demo',
      result: 'ok',
      detail: {
        orgUnits: orgRows.length,
        users: userRows.length,
        households: householdCount,
        residents,
        seed: station.seed,
      },
    });
  });
  // Fresh statistics, or the first queries on a large seed are planned as if the tables were empty.
  await analyzeRegister(ctx.db);
  return { password, orgUnits: orgRows.length, households: householdCount, residents, logins };
}
