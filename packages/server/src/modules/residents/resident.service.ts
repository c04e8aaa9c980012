import {
  type AuditAction,
  normalizeMobile,
  parseIdCard,
  type Resident,
  type ResidentCreate,
  type ResidentSearchResult,
  type ResidentUpdate,
  type UnmaskedResident,
} from '@fengqiao/shared';
import { conflict } from '../../http/app-error.js';
import { decodeCursor, toPage } from '../../http/cursor.js';
import { maskIdCard, maskPhone } from '../../lib/crypto/mask.js';
import { blindIndex } from '../../lib/crypto/sm.js';
import type { ServiceContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import type { HouseholdAccess } from './household-access.js';
import {
  formatAddress,
  nameGrams,
  openAddress,
  openIdCard,
  openPhone,
  personColumns,
  protectIdCard,
  protectPhone,
  queryGrams,
} from './personal-fields.js';
import {
  assertMayEdit,
  assertMayFilterByTag,
  assertMayTag,
  assertMayUnmask,
  keptTags,
  type Viewer,
  viewerOf,
  visibleTags,
} from './resident.policy.js';
import { presentResident } from './resident.presenter.js';
import {
  findResident,
  findResidentByIdCard,
  insertResident,
  type ResidentRow,
  type ResidentSearchRow,
  searchResidentRows,
  updateResidentRow,
} from './resident.repository.js';

async function loadResidentInScope(
  ctx: ServiceContext,
  id: string,
  action: AuditAction,
): Promise<ResidentRow> {
  const resident = await findResident(ctx.db, id);
  await assertInScope(ctx, resident?.orgPath, action, 'resident', id, 'not_found.resident');
  return resident as ResidentRow;
}

export async function addResident(
  ctx: ServiceContext,
  households: HouseholdAccess,
  householdId: string,
  input: ResidentCreate,
): Promise<Resident> {
  await authorize(ctx, 'household.write', 'household', householdId);
  const household = await households.loadInScope(ctx, householdId, 'household.write');
  assertMayTag(viewerOf(ctx), input.tags);
  const idCard = protectIdCard(ctx.keys, input.idCard);
  const phone = input.phone ? protectPhone(ctx.keys, input.phone) : null;
  if (await findResidentByIdCard(ctx.db, household.stationId, idCard.index)) {
    throw conflict('resident_exists', { masked: idCard.masked });
  }
  const resident = await ctx.db.transaction(async (tx) => {
    const row = await insertResident(tx, {
      stationId: household.stationId,
      householdId,
      orgPath: household.orgPath,
      name: input.name.trim(),
      nameGrams: nameGrams(input.name),
      ...personColumns(idCard, phone),
      relation: input.relation,
      residenceType: input.residenceType,
      tags: input.tags ?? [],
    });
    await households.recordChange(ctx, tx, {
      stationId: household.stationId,
      householdId,
      residentId: row.id,
      kind: 'resident.create',
      summary: `登记人员 ${input.name.trim()}（${input.relation}）`,
      changes: {
        idCard: idCard.masked,
        phone: phone?.masked ?? null,
        tags: visibleTags(input.tags ?? [], viewerOf(ctx)),
      },
    });
    return row;
  });
  return presentResident(resident, viewerOf(ctx));
}

export async function updateResident(
  ctx: ServiceContext,
  households: HouseholdAccess,
  id: string,
  input: ResidentUpdate,
): Promise<Resident> {
  await authorize(ctx, 'household.write', 'resident', id);
  const current = await loadResidentInScope(ctx, id, 'household.write');
  const viewer = viewerOf(ctx);
  assertMayEdit(viewer, current);
  assertMayTag(viewer, input.tags);
  const patch: Parameters<typeof updateResidentRow>[2] = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.name !== undefined && input.name.trim() !== current.name) {
    patch.name = input.name.trim();
    patch.nameGrams = nameGrams(input.name);
    changes.name = { from: current.name, to: patch.name };
  }
  if (input.phone !== undefined) {
    const phone = input.phone ? protectPhone(ctx.keys, input.phone) : null;
    if (phone?.index !== current.phoneIndex) {
      Object.assign(patch, {
        phoneSealed: phone?.sealed ?? null,
        phoneMasked: phone?.masked ?? null,
        phoneIndex: phone?.index ?? null,
      });
      changes.phone = { from: current.phoneMasked, to: phone?.masked ?? null };
    }
  }
  if (input.relation !== undefined && input.relation !== current.relation) {
    patch.relation = input.relation;
    changes.relation = { from: current.relation, to: input.relation };
  }
  if (input.residenceType !== undefined && input.residenceType !== current.residenceType) {
    patch.residenceType = input.residenceType;
    changes.residenceType = { from: current.residenceType, to: input.residenceType };
  }
  if (input.tags !== undefined) {
    const next = keptTags(input.tags, current.tags, viewer);
    if (next.slice().sort().join() !== current.tags.slice().sort().join()) {
      patch.tags = next;
      changes.tags = { from: visibleTags(current.tags, viewer), to: visibleTags(next, viewer) };
    }
  }
  if (Object.keys(changes).length === 0) return presentResident(current, viewer);
  await ctx.db.transaction(async (tx) => {
    await updateResidentRow(tx, id, patch);
    await households.recordChange(ctx, tx, {
      stationId: current.stationId,
      householdId: current.householdId,
      residentId: id,
      kind: 'resident.update',
      summary: `修改 ${patch.name ?? current.name} 的信息：${Object.keys(changes)
        .map((k) => FIELD_LABELS[k] ?? k)
        .join('、')}`,
      changes,
    });
  });
  return presentResident({ ...current, ...patch } as ResidentRow, viewer);
}

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  relation: '与户主关系',
  residenceType: '户籍类型',
  tags: '标签',
};

/** 查看完整信息: one record at a time, with its own permission, and an audit row for every look. */
export async function unmaskResident(
  ctx: ServiceContext,
  households: HouseholdAccess,
  id: string,
): Promise<UnmaskedResident> {
  await authorize(ctx, 'resident.unmask', 'resident', id);
  const resident = await loadResidentInScope(ctx, id, 'resident.unmask');
  assertMayUnmask(viewerOf(ctx), resident);
  const household = await households.loadInScope(ctx, resident.householdId, 'resident.unmask');
  await recordAudit(ctx.db, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action: 'resident.unmask',
    objectType: 'resident',
    objectId: id,
    result: 'ok',
    ip: ctx.ip,
    detail: { idCard: resident.idCardMasked, householdId: household.id },
  });
  return {
    id,
    name: resident.name,
    idCard: openIdCard(ctx.keys, resident.idCardSealed),
    phone: resident.phoneSealed ? openPhone(ctx.keys, resident.phoneSealed) : null,
    address: formatAddress(openAddress(ctx.keys, household.addressSealed)),
    birthDate: resident.birthDate,
  };
}

export type SearchQuery = {
  q?: string;
  tag?: string;
  orgUnitId?: string;
  residenceType?: string;
  limit?: number;
  cursor?: string;
};

/** How a query string is matched: an ID number or a phone exactly (blind index), anything else as a name. */
function interpretQuery(ctx: ServiceContext, q: string | undefined) {
  const text = q?.trim();
  if (!text) return { filter: {}, masked: null };
  const id = parseIdCard(text);
  if (id.ok)
    return {
      filter: { idCardIndex: blindIndex(ctx.keys.blindIndex, id.normalized) },
      masked: maskIdCard(id.normalized),
    };
  const phone = normalizeMobile(text);
  if (phone)
    return { filter: { phoneIndex: blindIndex(ctx.keys.blindIndex, phone) }, masked: maskPhone(phone) };
  return {
    filter: { grams: queryGrams(text), nameLike: `%${text.replace(/[%_\\]/g, '\\$&')}%` },
    masked: text,
  };
}

/** The scoped, checked filter a search or an export runs with, and the query as the audit log may show it. */
export async function residentFilterFor(
  ctx: ServiceContext,
  households: HouseholdAccess,
  query: Omit<SearchQuery, 'limit' | 'cursor'>,
) {
  const viewer = viewerOf(ctx);
  assertMayFilterByTag(viewer, query.tag);
  const { filter, masked } = interpretQuery(ctx, query.q);
  return {
    viewer,
    masked,
    filter: {
      pattern: await households.scopePattern(ctx, query.orgUnitId),
      tag: query.tag,
      residenceType: query.residenceType,
      ...filter,
    },
  };
}

export const presentSearchResult = (row: ResidentSearchRow, viewer: Viewer): ResidentSearchResult => ({
  ...presentResident(row, viewer),
  community: row.community,
  addressMasked: row.addressMasked,
  gridName: row.gridName,
});

export async function searchResidents(
  ctx: ServiceContext,
  households: HouseholdAccess,
  query: SearchQuery,
): Promise<{ items: ResidentSearchResult[]; nextCursor: string | null }> {
  await authorize(ctx, 'household.read', 'resident');
  const limit = query.limit ?? 50;
  const { viewer, masked, filter } = await residentFilterFor(ctx, households, query);
  const rows = await searchResidentRows(
    ctx.db,
    { ...filter, afterId: query.cursor ? decodeCursor(query.cursor) : undefined },
    limit + 1,
  );
  if (masked) {
    await recordAudit(ctx.db, ctx.keys.audit, {
      actor: auditActorOf(ctx.actor),
      action: 'resident.search',
      objectType: 'resident',
      result: 'ok',
      ip: ctx.ip,
      detail: { q: masked, found: Math.min(rows.length, limit) },
    });
  }
  return toPage(
    rows,
    limit,
    (r) => presentSearchResult(r, viewer),
    (r) => r.id,
  );
}

export async function getResident(ctx: ServiceContext, id: string): Promise<Resident> {
  await authorize(ctx, 'household.read', 'resident', id);
  return presentResident(await loadResidentInScope(ctx, id, 'household.read'), viewerOf(ctx));
}
