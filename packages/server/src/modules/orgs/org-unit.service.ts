import {
  type AuditAction,
  CHILD_KIND,
  ORG_KIND_LABELS,
  type OrgUnit,
  type OrgUnitCreate,
  type OrgUnitDetail,
  type OrgUnitUpdate,
} from '@fengqiao/shared';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { conflict, invalid, verbatim } from '../../http/app-error.js';
import { type GridBoundary, validateGridPolygon } from '../../lib/geo/polygon-validation.js';
import type { ServiceContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import type { OrgUnitEvents } from './org-unit.events.js';
import { presentOrgUnit, presentOrgUnitDetail } from './org-unit.presenter.js';
import {
  deleteOrgUnit,
  findOrgUnitByCode,
  findOrgUnitById,
  findOrgUnitWithCount,
  insertOrgUnit,
  listGridBoundaries,
  type OrgUnitRow,
  type OrgUnitWithCount,
  prepareSubtree,
  updateOrgUnit,
} from './org-unit.repository.js';
import { scopePattern } from './org-unit-lookup.service.js';

const LABEL = 'not_found.org_unit';

function checkBoundary(kind: OrgUnitRow['kind'], boundary: unknown): GridBoundary | null {
  if (boundary === null || boundary === undefined) return null;
  if (kind === 'bureau') {
    throw invalid('boundary_not_allowed', undefined, [
      { field: 'boundary', key: 'field.boundary_not_allowed' },
    ]);
  }
  const result = validateGridPolygon(boundary);
  if (!result.ok) {
    throw invalid(
      'invalid_boundary',
      undefined,
      result.errors.map((e) => ({
        field: `boundary.${e.path}`,
        ...verbatim(e.message),
        ...(e.location ? { location: e.location } : {}),
      })),
    );
  }
  return result.polygon;
}

async function loadInScope(ctx: ServiceContext, id: string, action: AuditAction): Promise<OrgUnitWithCount> {
  const unit = await findOrgUnitWithCount(ctx.db, id);
  await assertInScope(ctx, unit?.path, action, 'org_unit', id, LABEL);
  return unit as OrgUnitWithCount;
}

async function auditOrgWrite(
  ctx: ServiceContext,
  tx: DbOrTx,
  action: AuditAction,
  id: string,
  detail: Record<string, unknown>,
) {
  await recordAudit(tx, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action,
    objectType: 'org_unit',
    objectId: id,
    result: 'ok',
    ip: ctx.ip,
    detail,
  });
}

const subtreeQuery = preparedPerDb(prepareSubtree);

export async function listOrgTree(ctx: ServiceContext): Promise<{ items: OrgUnit[] }> {
  await authorize(ctx, 'org.read', 'org_unit');
  const rows = await subtreeQuery(ctx.db).execute({ pattern: scopePattern(ctx.actor.scopePath) });
  return { items: rows.map((r) => presentOrgUnit({ ...r.unit, childCount: r.childCount })) };
}

/**
 * One unit with what its page shows beside it: the parent's name (only the name: the parent of the
 * scope root is outside the caller's scope) and why a delete would be refused.
 */
export async function getOrgUnit(
  ctx: ServiceContext,
  events: OrgUnitEvents,
  id: string,
): Promise<OrgUnitDetail> {
  await authorize(ctx, 'org.read', 'org_unit', id);
  const unit = await loadInScope(ctx, id, 'org.read');
  const parent = unit.parentId ? await findOrgUnitById(ctx.db, unit.parentId) : undefined;
  return presentOrgUnitDetail(unit, parent?.name ?? null, await undeletableReason(ctx, events, unit));
}

/** The one rule of what cannot be deleted: the caller's own scope root, a unit with sub-units or users. */
async function undeletableReason(
  ctx: ServiceContext,
  events: OrgUnitEvents,
  unit: OrgUnitWithCount,
): Promise<OrgUnitDetail['undeletableReason']> {
  if (unit.path === ctx.actor.scopePath) return 'org_unit_is_scope_root';
  if (unit.childCount > 0 || (await events.isInUse(ctx.db, unit.id))) return 'org_unit_not_empty';
  return null;
}

export async function getOrgGeoJson(ctx: ServiceContext, kind: OrgUnitRow['kind']) {
  await authorize(ctx, 'org.read', 'org_unit');
  const rows = await listGridBoundaries(ctx.db, scopePattern(ctx.actor.scopePath), kind);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      properties: { id: r.id, name: r.name, code: r.code, kind: r.kind, parentId: r.parentId },
      geometry: r.boundary as GridBoundary,
    })),
  };
}

export async function createOrgUnit(
  ctx: ServiceContext,
  events: OrgUnitEvents,
  input: OrgUnitCreate,
): Promise<OrgUnitDetail> {
  await authorize(ctx, 'org.write', 'org_unit');
  const parent = await loadInScope(ctx, input.parentId, 'org.write');
  const expected = CHILD_KIND[parent.kind];
  if (expected !== input.kind) {
    const message = expected
      ? { key: 'invalid_org_kind' as const, params: { kind: ORG_KIND_LABELS[expected] } }
      : { key: 'invalid_org_kind.under_grid' as const };
    throw invalid('invalid_org_kind', message.params, [{ field: 'kind', ...message }], { key: message.key });
  }
  const boundary = checkBoundary(input.kind, input.boundary);
  if (await findOrgUnitByCode(ctx.db, input.code)) {
    throw conflict('org_code_taken', { code: input.code });
  }
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await insertOrgUnit(
      tx,
      {
        id,
        parentId: parent.id,
        stationId: input.kind === 'station' ? id : parent.kind === 'station' ? parent.id : parent.stationId,
        kind: input.kind,
        code: input.code,
        name: input.name,
        boundary,
      },
      parent,
    );
    await auditOrgWrite(ctx, tx, 'org.create', id, { code: input.code, name: input.name, kind: input.kind });
  });
  return getOrgUnit(ctx, events, id);
}

/** Equal as JSON, whatever the key order (jsonb keeps its own). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b ?? null));
}

export async function updateOrgUnitDetails(
  ctx: ServiceContext,
  events: OrgUnitEvents,
  id: string,
  input: OrgUnitUpdate,
): Promise<OrgUnitDetail> {
  await authorize(ctx, 'org.write', 'org_unit', id);
  const unit = await loadInScope(ctx, id, 'org.write');
  const patch: Partial<Pick<OrgUnitRow, 'name' | 'boundary'>> = {};
  if (input.name !== undefined && input.name !== unit.name) patch.name = input.name;
  if (input.boundary !== undefined) {
    const boundary = checkBoundary(unit.kind, input.boundary);
    if (!sameJson(boundary, unit.boundary)) patch.boundary = boundary;
  }
  // Nothing differs from the unit: no write, no re-placing of households, no audit row.
  if (Object.keys(patch).length === 0) return getOrgUnit(ctx, events, id);
  await ctx.db.transaction(async (tx) => {
    await updateOrgUnit(tx, id, patch);
    // Households follow their grid: a moved boundary re-places the station's located households.
    const movedHouseholds =
      patch.boundary !== undefined && unit.kind === 'grid' && unit.stationId
        ? await events.boundariesChanged(ctx, tx, { stationId: unit.stationId, gridId: id })
        : 0;
    await auditOrgWrite(ctx, tx, 'org.update', id, {
      movedHouseholds,
      name: patch.name,
      boundaryChanged: patch.boundary !== undefined,
    });
  });
  return getOrgUnit(ctx, events, id);
}

export async function removeOrgUnit(ctx: ServiceContext, events: OrgUnitEvents, id: string): Promise<void> {
  await authorize(ctx, 'org.write', 'org_unit', id);
  const unit = await loadInScope(ctx, id, 'org.write');
  const refused = await undeletableReason(ctx, events, unit);
  if (refused) throw conflict(refused);
  await ctx.db.transaction(async (tx) => {
    await deleteOrgUnit(tx, id);
    await auditOrgWrite(ctx, tx, 'org.delete', id, { code: unit.code, name: unit.name });
  });
}
