import type { ImportField, ImportMapping } from '@fengqiao/shared';
import { type Address, type ImportMode, MINOR_AGE, SENSITIVE_TAGS } from '@fengqiao/shared';
import type { DbOrTx } from '../../db/client.js';
import { prefixPattern } from '../../db/like-pattern.js';
import { AppError, invalid, verbatim } from '../../http/app-error.js';
import { type AddressSplitter, createAddressSplitter } from '../../lib/address/split-address.js';
import { blindIndex } from '../../lib/crypto/sm.js';
import { ImportFileError, type TableFormat, type TableInput } from '../../lib/import/index.js';
import type { ServiceContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { loadGridLocator, mayPlaceIn } from '../households/index.js';
import { findOrgUnit, listCommunityNames } from '../orgs/index.js';
import { mayEdit, mayTag, viewerOf } from '../residents/index.js';
import {
  type CoordSystem,
  completeMapping,
  FIELD_LABELS,
  parseMappingJson,
  suggestMapping,
  unmappedRequired,
  validateMapping,
} from './column-mapping.js';
import {
  findBirthDatesByIdCardIndexes,
  findHouseholdsAtAddresses,
  findIdCardIndexesOutside,
} from './household-bulk.repository.js';
import {
  addressIndexOf,
  analyzeRegister,
  type BulkHousehold,
  type BulkResult,
  countHouseholdsOutsideGrids,
  sealBatch,
  sealBatchInSlices,
  storeSealedBatch,
} from './household-bulk.service.js';
import { openTable } from './household-table.js';
import { checkHouseholds, firstPoint, groupByHousehold, validateRows } from './validate-file.js';
import { columnName, type ImportRecord, type RowError } from './validate-row.js';

export interface ImportRequest {
  input: TableInput;
  format?: TableFormat;
  /** Field → zero-based column, or that as JSON text (the HTTP query's); omitted: suggested from the header. */
  mapping?: Partial<ImportMapping> | string;
  /** The header's row number (1-based); omitted: found past any title rows (openTable). */
  headerRow?: number;
  coordSystem?: CoordSystem;
  mode: ImportMode;
  onProgress?: (phase: ImportPhase, done: number, total?: number) => void;
  /**
   * Runs inside the write's transaction with the final report, so what it records (a background job's
   * result) commits with the import or not at all.
   */
  beforeCommit?: (tx: DbOrTx, report: ImportReport) => Promise<void>;
}

/** validate: rows read and checked (done = rows); check: against the register; write: done = households. */
export type ImportPhase = 'validate' | 'check' | 'write';

export interface ImportReport {
  /** The header's row number in the file (1-based): found, or as requested. */
  headerRow: number;
  header: string[];
  mapping: ImportMapping;
  rowsRead: number;
  validRows: number;
  invalidRows: number;
  households: number;
  /** Households of the valid rows outside every grid once written (countHouseholdsOutsideGrids). */
  outsideGrid: number;
  errors: RowError[];
  warnings: RowError[];
  /** Null when nothing was written: a dry run, or a commit refused because some rows are bad. */
  written: (BulkResult & { outsideGrid: number }) | null;
}

const BATCH = 1000;

/**
 * The columns chosen (or guessed) cannot be used. Carries what the user needs to choose again: the
 * file's header, the mapping that was checked, the server's suggestion and the required fields left
 * without a column.
 */
export class ImportMappingError extends AppError {
  constructor(
    readonly header: string[],
    readonly mapping: ImportMapping,
    readonly suggestedMapping: ImportMapping,
    readonly unmappedRequired: ImportField[],
    problems: string[],
    /** The header's row number in the file (1-based). */
    readonly headerRow = 1,
  ) {
    const missing = unmappedRequired.map((f) => `"${FIELD_LABELS[f]}"`).join('、');
    super(
      422,
      'invalid_mapping',
      { fields: missing },
      problems.map((message) => ({ field: 'mapping', ...verbatim(message) })),
      { key: missing ? 'invalid_mapping.unmapped_required' : 'invalid_mapping' },
    );
  }

  /** What the mapping step needs to be shown again (ImportProblemSchema). */
  override get extensions() {
    return {
      headerRow: this.headerRow,
      header: this.header,
      mapping: this.mapping,
      suggestedMapping: this.suggestedMapping,
      unmappedRequired: this.unmappedRequired,
    };
  }
}

/** A file the readers refused; their reasons are Chinese text, not catalog keys yet. */
const invalidFile = (error: ImportFileError) =>
  new AppError(422, 'invalid_file', verbatim(error.message).params, undefined, { key: 'verbatim' });

/** The mapping to use, or an ImportMappingError saying what is wrong with it. */
function resolveMapping(
  header: string[],
  requested: ImportRequest['mapping'],
  headerRow: number,
): ImportMapping {
  const suggested = suggestMapping(header);
  const parsed =
    typeof requested === 'string'
      ? parseMappingJson(requested)
      : { mapping: requested ?? suggested, problems: [] };
  const mapping = completeMapping(parsed.mapping);
  const problems = [...parsed.problems, ...validateMapping(mapping, header)];
  if (problems.length === 0) return mapping;
  throw new ImportMappingError(header, mapping, suggested, unmappedRequired(mapping), problems, headerRow);
}

/** A household's address as written: that of its first row, as toBulk takes it. */
function addressOf(first: ImportRecord): Address {
  return {
    community: first.community,
    street: first.street,
    room: first.room,
    ...(first.building ? { building: first.building } : {}),
    ...(first.unit ? { unit: first.unit } : {}),
  };
}

function toBulk(records: readonly ImportRecord[]): BulkHousehold[] {
  return [...groupByHousehold(records).values()].map((rows) => {
    const first = rows[0] as ImportRecord;
    return {
      address: addressOf(first),
      lng: first.lng,
      lat: first.lat,
      residents: rows.map((r) => ({
        name: r.name,
        idCard: r.idCard,
        phone: r.phone,
        relation: r.relation,
        residenceType: r.residenceType,
        tags: r.tags,
        blank: r.blank,
      })),
    };
  });
}

/** The rows still to be written, and the errors found so far; the refusals below move rows from one to the other. */
type Validation = { records: ImportRecord[]; errors: RowError[]; invalidRows: number };

/** Each row's ID-number blind index, as the writer matches people by it; computed once for every check. */
type IdCardIndexes = Map<ImportRecord, string>;

const indexIdCards = (ctx: ServiceContext, records: readonly ImportRecord[]): IdCardIndexes =>
  new Map(records.map((r) => [r, blindIndex(ctx.keys.blindIndex, r.idCard)]));

/**
 * A person already registered outside the importer's area stays where they are: the row is an error,
 * not a silent move of someone else's resident into this file.
 */
async function refuseResidentsOfOtherAreas(
  ctx: ServiceContext,
  stationId: string,
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
  indexOf: IdCardIndexes,
): Promise<void> {
  const foreign = new Set<string>();
  const all = validation.records.map((r) => indexOf.get(r) as string);
  for (let i = 0; i < all.length; i += 5000) {
    const found = await findIdCardIndexesOutside(
      ctx.db,
      stationId,
      all.slice(i, i + 5000),
      prefixPattern(ctx.actor.scopePath),
    );
    for (const index of found) foreign.add(index);
  }
  if (foreign.size === 0) return;
  rejectRecords(validation, (r) => foreign.has(indexOf.get(r) as string), {
    column: columnName('idCard', mapping, header),
    field: 'idCard',
    reason: '此人已在其他辖区登记，不能从这里导入；请联系其所在辖区民警',
  });
}

/** Moves rows to the errors with one reason; `reject` decides which. */
function rejectRecords(
  validation: Validation,
  reject: (record: ImportRecord) => boolean,
  error: Omit<RowError, 'row'>,
): void {
  const refused = validation.records.filter(reject);
  if (refused.length === 0) return;
  for (const r of refused) validation.errors.push({ ...error, row: r.rowNumber });
  validation.errors.sort((a, b) => a.row - b.row);
  validation.records = validation.records.filter((r) => !reject(r));
  validation.invalidRows += refused.length;
}

/** A household of the file already on file in the importer's area: where it is and who heads it. */
interface HouseholdInArea {
  lng: number | null;
  lat: number | null;
  /** ID-number indexes of its heads of household on file. */
  heads: string[];
}

/** What the register holds at the file's addresses, as far as the importer may know it. */
interface AddressesOnFile {
  /**
   * The canonical-address index of each household of the file (by household key), as
   * writeHouseholdBatch matches it.
   */
  indexOf: Map<string, string>;
  /** Address indexes on file for a household outside the importer's area: nothing else of it is read. */
  foreign: Set<string>;
  /** Households on file in the importer's area, by address index: the import adds to them, never moves them. */
  inArea: Map<string, HouseholdInArea>;
}

/** Looks up the addresses of the file's households, 5,000 at a time. */
async function findAddressesOnFile(
  ctx: ServiceContext,
  stationId: string,
  records: readonly ImportRecord[],
): Promise<AddressesOnFile> {
  // One index per household of the file, from the address writeHouseholdBatch would match it by.
  const indexOf = new Map<string, string>();
  for (const [key, rows] of groupByHousehold(records)) {
    indexOf.set(key, addressIndexOf(ctx.keys, addressOf(rows[0] as ImportRecord)));
  }
  const all = [...new Set(indexOf.values())];
  const pattern = prefixPattern(ctx.actor.scopePath);
  const foreign = new Set<string>();
  const inArea = new Map<string, HouseholdInArea>();
  for (let i = 0; i < all.length; i += 5000) {
    for (const row of await findHouseholdsAtAddresses(ctx.db, stationId, all.slice(i, i + 5000), pattern)) {
      if (!row.inArea) {
        foreign.add(row.addressKeyIndex);
        continue;
      }
      let household = inArea.get(row.addressKeyIndex);
      if (!household) {
        household = { lng: row.lng, lat: row.lat, heads: [] };
        inArea.set(row.addressKeyIndex, household);
      }
      if (row.headIdCardIndex !== null) household.heads.push(row.headIdCardIndex);
    }
  }
  return { indexOf, foreign, inArea };
}

/**
 * An address already on file for a household outside the importer's area (another officer's grid or
 * community) is that officer's household: its rows are errors, never people added to it, as a point in
 * another grid is refused. The check reads back only which addresses are taken, so the error says
 * nothing of who lives there.
 */
function refuseHouseholdsOfOtherAreas(
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
  onFile: AddressesOnFile,
): void {
  if (onFile.foreign.size === 0) return;
  // The door is named by its 住址 cell when the file has one.
  const field: ImportField = mapping.address === null ? 'room' : 'address';
  rejectRecords(validation, (r) => onFile.foreign.has(onFile.indexOf.get(r.householdKey) as string), {
    column: columnName(field, mapping, header),
    field,
    reason: '该地址已在其他辖区登记，不在您的管辖范围内；请联系其所在辖区民警',
  });
}

/**
 * A new household is filed where its point lies, so a point inside another officer's grid belongs to
 * that officer's register, as when adding one by hand: all its rows are refused. A household already on
 * file in the importer's area stays where it is whatever the file says (checkHouseholds warns when the
 * points disagree), so its point decides nothing. Call it after every refusal of single rows: the
 * household's point is that of its first row still to be written, as the writer takes it.
 */
async function refusePointsOfNewHouseholdsInOtherAreas(
  ctx: ServiceContext,
  stationId: string,
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
  onFile: AddressesOnFile,
): Promise<void> {
  const locate = await loadGridLocator(ctx.db, stationId, '/');
  const refused = new Set<string>();
  for (const [key, rows] of groupByHousehold(validation.records)) {
    if (onFile.inArea.has(onFile.indexOf.get(key) as string)) continue;
    const point = firstPoint(rows);
    const grid = point ? locate(point.lng, point.lat) : null;
    if (!mayPlaceIn(ctx.actor.scopePath, grid)) refused.add(key);
  }
  if (refused.size === 0) return;
  rejectRecords(validation, (r) => refused.has(r.householdKey), {
    column: columnName('lng', mapping, header),
    field: 'lng',
    reason: '该位置属于其他网格，不在您的管辖范围内',
  });
}

/**
 * Warnings about the rows that will be written, household by household, against what is on file: run
 * after every refusal, so they neither name a refused row nor miss what a refusal changed (a head of
 * household whose row was refused).
 */
function warnAboutHouseholds(
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
  onFile: AddressesOnFile,
  idCardIndexOf: IdCardIndexes,
): RowError[] {
  // People the import writes: a head of household on file among them takes the file's relation.
  const written = new Set(validation.records.map((r) => idCardIndexOf.get(r) as string));
  return checkHouseholds(validation.records, mapping, header, {
    onFile: (key) => {
      const household = onFile.inArea.get(onFile.indexOf.get(key) as string);
      if (!household) return undefined;
      const keptHeads = household.heads.filter((index) => !written.has(index)).length;
      return { lng: household.lng, lat: household.lat, keptHeads };
    },
  }).warnings;
}

/**
 * 重点关注 is set, by hand, only with `resident.sensitive`, whoever the person and whatever they have
 * on file (resident.policy's mayTag); a file is no way round it. Refused before anything is
 * looked up, so the answer says nothing of who already carries the tag.
 */
function refuseSensitiveTags(
  ctx: ServiceContext,
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
): void {
  const viewer = viewerOf(ctx);
  if (mayTag(viewer, SENSITIVE_TAGS)) return;
  for (const tag of SENSITIVE_TAGS) {
    rejectRecords(validation, (r) => r.tags.includes(tag), {
      column: columnName('tags', mapping, header),
      field: 'tags',
      reason: `无权设置“${tag}”标签，请从此行删去该标签，或请社区民警导入`,
    });
  }
}

/**
 * A child under 14 already on file may not be changed without `resident.sensitive`, as by hand, where
 * updateResident refuses before comparing anything. So is a row giving the child exactly as on file:
 * "unchanged" against "changed" would tell whether a guessed name or phone is the child's, which the
 * importer is shown only masked. A child not yet on file may be added, as by hand (addResident).
 */
async function refuseChangesToChildren(
  ctx: ServiceContext,
  stationId: string,
  header: string[],
  mapping: ImportMapping,
  validation: Validation,
  idCardIndexOf: IdCardIndexes,
): Promise<void> {
  const viewer = viewerOf(ctx);
  // The ID number carries the birth date: only rows of children can name one on file.
  const indexOf = new Map(
    validation.records.filter((r) => !mayEdit(viewer, r)).map((r) => [r, idCardIndexOf.get(r) as string]),
  );
  if (indexOf.size === 0) return;
  const all = [...indexOf.values()];
  const children = new Set<string>();
  for (let i = 0; i < all.length; i += 5000) {
    const found = await findBirthDatesByIdCardIndexes(ctx.db, stationId, all.slice(i, i + 5000));
    for (const [index, birthDate] of found) if (!mayEdit(viewer, { birthDate })) children.add(index);
  }
  if (children.size === 0) return;
  rejectRecords(validation, (r) => children.has(indexOf.get(r) ?? ''), {
    column: columnName('idCard', mapping, header),
    field: 'idCard',
    reason: `无权修改未满 ${MINOR_AGE} 周岁人员的信息：此人已登记，请从文件中删去此行，或请社区民警导入`,
  });
}

/** The importer may import, into a station; the file opens and its columns can be used. */
async function openImport(ctx: ServiceContext, request: ImportRequest) {
  await authorize(ctx, 'household.import', 'household');
  const scope = await findOrgUnit(ctx.db, ctx.actor.scopeOrgId);
  const stationId = scope?.kind === 'station' ? scope.id : scope?.stationId;
  if (!scope || !stationId)
    throw invalid('station_required', undefined, undefined, { key: 'station_required.import' });

  let table: Awaited<ReturnType<typeof openTable>>;
  try {
    table = await openTable(request.input, request.format ?? 'auto', { headerRow: request.headerRow });
  } catch (error) {
    if (error instanceof ImportFileError) throw invalidFile(error);
    throw error;
  }
  const header = table.header.cells;
  const headerRow = table.header.rowNumber;
  let mapping: ImportMapping;
  let splitAddress: AddressSplitter | undefined;
  try {
    mapping = resolveMapping(header, request.mapping, headerRow);
    // A 住址 column is split against the station's own villages and communities.
    if (mapping.address !== null)
      splitAddress = createAddressSplitter(await listCommunityNames(ctx.db, stationId));
  } catch (error) {
    await table.rows.return(undefined);
    throw error;
  }
  return { stationId, table, header, headerRow, mapping, splitAddress };
}

/**
 * What can be refused before any row is read, checked as importHouseholds checks it: the permission,
 * the station, the file's header and the mapping. Lets a background import be refused at once.
 */
export async function checkImportRequest(
  ctx: ServiceContext,
  request: ImportRequest,
): Promise<{ stationId: string; header: string[]; mapping: ImportMapping }> {
  const { stationId, table, header, mapping } = await openImport(ctx, request);
  await table.rows.return(undefined);
  return { stationId, header, mapping };
}

/**
 * Reads, checks and (unless it is a dry run) writes a household file. All or nothing: the write is one
 * transaction, and with any bad row nothing is written unless the caller chose to import the valid
 * rows only. Re-importing the same file writes nothing: people exactly as on file count as unchanged.
 */
export async function importHouseholds(ctx: ServiceContext, request: ImportRequest): Promise<ImportReport> {
  const { stationId, table, header, headerRow, mapping, splitAddress } = await openImport(ctx, request);
  let validation: Awaited<ReturnType<typeof validateRows>>;
  try {
    validation = await validateRows(table.rows, mapping, {
      header,
      coordSystem: request.coordSystem ?? 'wgs84',
      splitAddress,
      onProgress: (done) => request.onProgress?.('validate', done),
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw invalidFile(error);
    throw error;
  }
  request.onProgress?.('check', validation.rowsRead);
  // What the importer may not do by hand is a row error here, the same in the dry run and the commit:
  // single rows first, then whole households, whose point is that of their first row left.
  refuseSensitiveTags(ctx, header, mapping, validation);
  const idCardIndexOf = indexIdCards(ctx, validation.records);
  await refuseResidentsOfOtherAreas(ctx, stationId, header, mapping, validation, idCardIndexOf);
  await refuseChangesToChildren(ctx, stationId, header, mapping, validation, idCardIndexOf);
  const onFile = await findAddressesOnFile(ctx, stationId, validation.records);
  refuseHouseholdsOfOtherAreas(header, mapping, validation, onFile);
  await refusePointsOfNewHouseholdsInOtherAreas(ctx, stationId, header, mapping, validation, onFile);
  // Only now, of the rows left: also gives each row its household's point for the writer.
  const warnings = warnAboutHouseholds(header, mapping, validation, onFile, idCardIndexOf);
  const households = toBulk(validation.records);
  const outsideGrid = (db: DbOrTx) =>
    loadGridLocator(db, stationId, ctx.actor.scopePath).then((locate) =>
      countHouseholdsOutsideGrids(db, ctx.keys, stationId, locate, households),
    );
  const report: ImportReport = {
    headerRow,
    header,
    mapping,
    rowsRead: validation.rowsRead,
    validRows: validation.records.length,
    invalidRows: validation.invalidRows,
    // Counted again: the refusals above may have taken whole households out.
    households: households.length,
    outsideGrid: await outsideGrid(ctx.db),
    errors: validation.errors,
    warnings,
    written: null,
  };
  const refused = request.mode === 'commit' && validation.errors.length > 0;
  if (request.mode === 'dry-run' || refused || validation.records.length === 0) return report;

  report.written = await ctx.db.transaction(async (tx) => {
    const target = {
      db: tx,
      keys: ctx.keys,
      stationId,
      fallbackPath: ctx.actor.scopePath,
      scopePath: ctx.actor.scopePath,
      actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
      viewer: viewerOf(ctx),
    };
    // Counted before writing, against the same rows the dry run saw, so the two figures agree.
    const outside = await outsideGrid(tx);
    const locate = await loadGridLocator(tx, stationId, ctx.actor.scopePath);
    const written: BulkResult = {
      householdsCreated: 0,
      householdsMatched: 0,
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsUnchanged: 0,
    };
    // Each batch is sealed while PostgreSQL writes the one before: the CPU work and the database's
    // overlap instead of taking turns (docs/performance.md, household import).
    request.onProgress?.('write', 0, households.length);
    let sealed = sealBatch(ctx.keys, households.slice(0, BATCH));
    for (let i = 0; i < households.length; i += BATCH) {
      const storing = storeSealedBatch(target, locate, sealed);
      // Awaited below; until then a failure must not count as unhandled.
      storing.catch(() => undefined);
      const next = i + BATCH < households.length ? households.slice(i + BATCH, i + 2 * BATCH) : [];
      sealed = await sealBatchInSlices(ctx.keys, next);
      const result = await storing;
      for (const key of Object.keys(written) as (keyof BulkResult)[]) written[key] += result[key];
      request.onProgress?.('write', Math.min(i + BATCH, households.length), households.length);
    }
    const total = { ...written, outsideGrid: outside };
    await recordAudit(tx, ctx.keys.audit, {
      actor: auditActorOf(ctx.actor),
      action: 'household.import',
      objectType: 'household',
      result: 'ok',
      ip: ctx.ip,
      detail: { ...total, rowsRead: validation.rowsRead, skippedInvalidRows: validation.invalidRows },
    });
    await request.beforeCommit?.(tx, { ...report, written: total });
    return total;
  });
  if (report.written && report.written.residentsCreated > 10_000) await analyzeRegister(ctx.db);
  return report;
}
