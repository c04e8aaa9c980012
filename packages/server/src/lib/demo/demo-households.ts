import {
  generateIdCard,
  type RELATIONS,
  type RESIDENCE_TYPES,
  RESIDENT_TAGS,
  type ResidentTag,
} from '@fengqiao/shared';
import { CHINA_OFFSET_MS } from '../dates/china-age.js';
import { type BBox, type GridBoundary, pointInPolygon, polygonBBox } from '../geo/polygon-validation.js';
import { createSeededRandom, type SeededRandom } from '../random/seeded-random.js';
import {
  GIVEN_NAMES_BY_ERA,
  LOCAL_REGION_CODE,
  MIGRANT_REGION_CODES,
  MIGRANT_SURNAMES,
  PHONE_PREFIXES,
  TOWN_ROADS,
  VILLAGE_HAMLETS,
  VILLAGE_ROADS,
  ZHEJIANG_REGION_CODES,
} from './demo-households-data.js';
import { SURNAMES } from './demo-names.js';
import { DEFAULT_DEMO_SEED, type DemoStation, flattenDemoOrg } from './demo-station.js';

export type DemoRelation = (typeof RELATIONS)[number];
export type DemoResidenceType = (typeof RESIDENCE_TYPES)[number];
export type DemoSex = 'male' | 'female';
export type DemoTag = ResidentTag;

/** The order tags appear in on a resident: the register's own. */
export const DEMO_TAGS: readonly DemoTag[] = RESIDENT_TAGS;

export interface DemoGridInput {
  gridCode: string;
  communityName: string;
  communityKind: 'village' | 'community';
  boundary: GridBoundary;
}

export interface DemoResident {
  name: string;
  idCard: string;
  /** YYYY-MM-DD, the same date the ID number carries. */
  birthDate: string;
  sex: DemoSex;
  phone: string | null;
  /** Relation to the head of household (户主). */
  relation: DemoRelation;
  residenceType: DemoResidenceType;
  tags: DemoTag[];
}

export interface DemoHousehold {
  gridCode: string;
  address: { community: string; street: string; building: string | null; unit: string | null; room: string };
  /** WGS-84, 6 decimals, strictly inside the grid polygon. */
  lng: number;
  lat: number;
  /** The head (户主) first. */
  residents: DemoResident[];
}

export interface DemoHouseholdOptions {
  seed?: number;
  households: number;
  /**
   * Reference date for ages (China local date). Output is deterministic for (seed, today); only birth
   * dates and therefore ID numbers shift with it. Defaults to now.
   */
  today?: Date;
}

const DAY_MS = 86_400_000;
const MAX_AGE = 100;
const MAX_RESIDENTS = 6;
/** Sequence numbers per (region, birth date, sex): odd ones for men, even ones for women. */
const SEQ_PER_SEX = 500;
const REGION_CODES: readonly string[] = [LOCAL_REGION_CODE, ...MIGRANT_REGION_CODES];
const LOCAL_REGION = 0;
const ZHEJIANG_REGIONS = ZHEJIANG_REGION_CODES.map((code) => REGION_CODES.indexOf(code));
const MIGRANT_REGIONS = MIGRANT_REGION_CODES.map((code) => REGION_CODES.indexOf(code));
const PHONE_SPACE = 100_000_000;

/** The generator's input for every grid of the demo station; names ending in 村 are villages. */
export function demoGridInputs(station: DemoStation): DemoGridInput[] {
  return flattenDemoOrg(station.root)
    .filter((node) => node.kind === 'community')
    .flatMap((community) =>
      (community.children ?? []).flatMap((grid) =>
        grid.kind === 'grid' && grid.boundary
          ? [
              {
                gridCode: grid.code,
                communityName: community.name,
                communityKind: community.name.endsWith('村') ? ('village' as const) : ('community' as const),
                boundary: grid.boundary,
              },
            ]
          : [],
      ),
    );
}

/**
 * Streams a synthetic household register (一户一档) over the given grids: deterministic for a seed,
 * constant memory whatever the count, unique addresses, ID numbers and phone numbers.
 */
export function generateDemoHouseholds(
  grids: DemoGridInput[],
  options: DemoHouseholdOptions,
): Generator<DemoHousehold> {
  const { households } = options;
  if (!Number.isSafeInteger(households) || households < 0) {
    throw new RangeError(`households must be a non-negative integer, got ${households}`);
  }
  if (households > 0 && grids.length === 0) throw new RangeError('at least one grid is needed');
  const today = options.today ?? new Date();
  if (Number.isNaN(today.getTime())) throw new RangeError('today is not a valid date');
  const geos = grids.map((grid) => {
    const bbox = polygonBBox(grid.boundary);
    if (!bbox.every(Number.isFinite) || bbox[0] >= bbox[2] || bbox[1] >= bbox[3]) {
      throw new RangeError(`grid ${grid.gridCode} has an empty boundary`);
    }
    return { grid, bbox };
  });
  return generate(geos, households, options.seed ?? DEFAULT_DEMO_SEED, today);
}

function* generate(
  geos: GridGeo[],
  total: number,
  seed: number,
  today: Date,
): Generator<DemoHousehold, void, undefined> {
  // Separate streams, so that places do not move when the people logic changes and vice versa.
  const placeRng = createSeededRandom(seed);
  const people = new PeopleFactory(createSeededRandom(mix32(seed ^ 0x5bd1e995)), seed, today);
  const counts = allocate(placeRng, geos, total);
  const communities = new Map<string, CommunityStreets>();
  for (const [i, geo] of geos.entries()) {
    const count = counts[i] ?? 0;
    if (count === 0) continue;
    const { grid } = geo;
    let streets = communities.get(grid.communityName);
    if (!streets) {
      streets = new CommunityStreets(placeRng, grid.communityKind);
      communities.set(grid.communityName, streets);
    }
    const cursor =
      grid.communityKind === 'village'
        ? new VillageCursor(placeRng, geo, streets)
        : new ApartmentCursor(placeRng, geo, streets);
    const village = grid.communityKind === 'village';
    for (let k = 0; k < count; k++) {
      const place = cursor.next();
      yield {
        gridCode: grid.gridCode,
        address: { community: grid.communityName, ...place.address },
        lng: place.lng,
        lat: place.lat,
        residents: people.household(village),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Places: how many households per grid, addresses and coordinates.

interface GridGeo {
  grid: DemoGridInput;
  bbox: BBox;
}

/** Roughly even, ±30 % per grid, the town-centre 社区 denser; largest remainder so counts sum exactly. */
function allocate(rng: SeededRandom, geos: GridGeo[], total: number): number[] {
  const weights = geos.map(
    ({ grid }) => (grid.communityKind === 'community' ? 1.3 : 1) * rng.float(0.7, 1.3),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Rejection sampling in the bbox; rounding happens before the test, so the stored point is inside. */
function pointInGrid(rng: SeededRandom, geo: GridGeo): [number, number] {
  const [minLng, minLat, maxLng, maxLat] = geo.bbox;
  for (let tries = 0; tries < 100_000; tries++) {
    const lng = round6(rng.float(minLng, maxLng));
    const lat = round6(rng.float(minLat, maxLat));
    if (pointInPolygon(lng, lat, geo.grid.boundary)) return [lng, lat];
  }
  throw new Error(`could not place a point inside grid ${geo.grid.gridCode}`);
}

/** A point scattered around an anchor (a hamlet, a building), falling back to the anchor itself. */
function pointNear(
  rng: SeededRandom,
  geo: GridGeo,
  anchor: [number, number],
  sigma: number,
): [number, number] {
  for (let tries = 0; tries < 8; tries++) {
    // Box–Muller; the longitude spread is widened so the scatter is round on the ground at ~30°N.
    const radius = sigma * Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    const lng = round6(anchor[0] + radius * Math.cos(angle) * 1.15);
    const lat = round6(anchor[1] + radius * Math.sin(angle));
    if (pointInPolygon(lng, lat, geo.grid.boundary)) return [lng, lat];
  }
  return anchor;
}

const DIGITS = '零一二三四五六七八九';
const DIGIT_UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 101 → 一百零一; Arabic digits from 10 000 on. Injective. */
function chineseNumber(n: number): string {
  if (n >= 10_000) return String(n);
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out) out += '零';
    zero = false;
    out += (DIGITS[d] as string) + (DIGIT_UNITS[s.length - 1 - i] as string);
  }
  return n >= 10 && n < 20 ? out.slice(1) : out;
}

/**
 * The streets of one community, shared by its grids: each grid takes fresh street indices, so no two
 * grids ever share a street and addresses stay unique. Names run through a shuffled base list, then
 * through numbered branch roads (支路), which never repeat.
 */
class CommunityStreets {
  private readonly base: string[];
  private readonly roads: string[];
  private nextIndex = 0;

  constructor(rng: SeededRandom, kind: DemoGridInput['communityKind']) {
    if (kind === 'village') {
      this.roads = [...VILLAGE_ROADS];
      this.base = rng.shuffle([...VILLAGE_HAMLETS, ...this.roads]);
    } else {
      this.roads = [...TOWN_ROADS];
      this.base = rng.shuffle(TOWN_ROADS);
    }
  }

  next(): string {
    const i = this.nextIndex++;
    if (i < this.base.length) return this.base[i] as string;
    const j = i - this.base.length;
    return `${this.roads[j % this.roads.length]}${chineseNumber(Math.floor(j / this.roads.length) + 1)}支路`;
  }
}

interface Place {
  address: Omit<DemoHousehold['address'], 'community'>;
  lng: number;
  lat: number;
}

/** 门牌 addresses: a hamlet or lane, house numbers rising along it; houses cluster round the hamlet. */
class VillageCursor {
  private street = '';
  private left = 0;
  private houseNo = 0;
  private anchor: [number, number] = [0, 0];

  constructor(
    private readonly rng: SeededRandom,
    private readonly geo: GridGeo,
    private readonly streets: CommunityStreets,
  ) {}

  next(): Place {
    const { rng } = this;
    if (this.left === 0) {
      this.street = this.streets.next();
      this.left = rng.int(20, 80);
      this.houseNo = 0;
      this.anchor = pointInGrid(rng, this.geo);
    }
    this.left--;
    this.houseNo += rng.chance(0.8) ? 1 : rng.int(2, 4);
    const [lng, lat] = pointNear(rng, this.geo, this.anchor, 0.0008);
    return {
      address: { street: this.street, building: null, unit: null, room: `${this.houseNo}号` },
      lng,
      lat,
    };
  }
}

/** Apartment addresses: street → 幢 → 单元 → floor → door; some flats stand empty. */
class ApartmentCursor {
  private street = '';
  private buildingsLeft = 0;
  private building = 0;
  private units = 0;
  private floors = 0;
  private readonly doors = 2;
  private unit = 0;
  private floor = 0;
  private door = 0;
  private anchor: [number, number] = [0, 0];

  constructor(
    private readonly rng: SeededRandom,
    private readonly geo: GridGeo,
    private readonly streets: CommunityStreets,
  ) {}

  next(): Place {
    do this.advance();
    while (!this.rng.chance(0.88));
    const [lng, lat] = pointNear(this.rng, this.geo, this.anchor, 0.00004);
    return {
      address: {
        street: this.street,
        building: `${this.building}幢`,
        unit: `${this.unit}单元`,
        room: `${this.floor}${String(this.door).padStart(2, '0')}室`,
      },
      lng,
      lat,
    };
  }

  private advance(): void {
    if (this.units === 0) {
      this.newBuilding();
      return;
    }
    if (++this.door <= this.doors) return;
    this.door = 1;
    if (++this.floor <= this.floors) return;
    this.floor = 1;
    if (++this.unit <= this.units) return;
    this.newBuilding();
  }

  private newBuilding(): void {
    const { rng } = this;
    if (this.buildingsLeft === 0) {
      this.street = this.streets.next();
      this.buildingsLeft = rng.int(8, 30);
      this.building = 0;
    }
    this.buildingsLeft--;
    this.building++;
    this.units = rng.int(1, 3);
    this.floors = rng.chance(0.6) ? rng.int(5, 7) : rng.int(11, 18);
    this.unit = 1;
    this.floor = 1;
    this.door = 1;
    this.anchor = pointInGrid(rng, this.geo);
  }
}

// ---------------------------------------------------------------------------------------------
// People: family structure, then names, ID numbers, phones and tags.

interface Draft {
  age: number;
  sex: DemoSex;
  surname: string;
  relation: DemoRelation;
  residence: DemoResidenceType;
  /** Index into REGION_CODES. */
  region: number;
}

type LocalShape =
  | 'singleElder'
  | 'elderCouple'
  | 'singleAdult'
  | 'couple'
  | 'nuclear'
  | 'threeGenUp'
  | 'threeGenDown'
  | 'leftBehind'
  | 'singleParent'
  | 'siblings';
type MigrantShape = 'single' | 'couple' | 'family' | 'coRenters' | 'siblings';

interface WeightedTable<T> {
  items: T[];
  cumulative: number[];
}

function table<T extends string>(weights: Record<T, number>): WeightedTable<T> {
  const items = Object.keys(weights) as T[];
  let sum = 0;
  const cumulative = items.map((k) => (sum += weights[k]));
  return { items, cumulative: cumulative.map((c) => c / sum) };
}

function pickWeighted<T>(rng: SeededRandom, t: WeightedTable<T>): T {
  const u = rng.next();
  let i = 0;
  while (i < t.items.length - 1 && u >= (t.cumulative[i] as number)) i++;
  return t.items[i] as T;
}

// Villages are older than the town 社区: more elderly living alone or as couples, more children left
// with grandparents while the parents work elsewhere.
const VILLAGE_SHAPES = table<LocalShape>({
  singleElder: 10,
  elderCouple: 19,
  singleAdult: 4,
  couple: 7,
  nuclear: 27,
  threeGenUp: 13,
  threeGenDown: 14,
  leftBehind: 6,
  singleParent: 3,
  siblings: 2,
});
const TOWN_SHAPES = table<LocalShape>({
  singleElder: 6,
  elderCouple: 11,
  singleAdult: 6,
  couple: 9,
  nuclear: 40,
  threeGenUp: 12,
  threeGenDown: 9,
  leftBehind: 2,
  singleParent: 4,
  siblings: 1,
});
const MIGRANT_SHAPES = table<MigrantShape>({
  single: 33,
  couple: 20,
  family: 32,
  coRenters: 10,
  siblings: 5,
});

/** 32-bit integer hash (murmur3 finaliser). */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class PeopleFactory {
  private readonly todayEpochDay: number;
  /** Epoch day of the latest birth date that gives each age. */
  private readonly birthdayByAge: number[];
  private readonly dateText: (string | undefined)[];
  private readonly daySpan: number;
  /** Sequence numbers used so far per (region, birth date, sex): ID numbers never repeat. */
  private readonly seqUsed: Uint16Array;
  private readonly seqSalt: number;
  /** Numbers used so far per phone prefix; a Feistel permutation scatters them over 8 digits. */
  private readonly phoneUsed: Uint32Array;
  private readonly phoneKeys: number[];

  constructor(
    private readonly rng: SeededRandom,
    seed: number,
    today: Date,
  ) {
    const local = new Date(today.getTime() + CHINA_OFFSET_MS);
    const y = local.getUTCFullYear();
    const m = local.getUTCMonth();
    const d = local.getUTCDate();
    this.todayEpochDay = Date.UTC(y, m, d) / DAY_MS;
    // On 29 February the birthday in a common year is taken as the 28th, so ages stay exact.
    const day = m === 1 && d === 29 ? 28 : d;
    this.birthdayByAge = Array.from({ length: MAX_AGE + 1 }, (_, age) => Date.UTC(y - age, m, day) / DAY_MS);
    this.daySpan = (MAX_AGE + 2) * 366;
    this.dateText = new Array(this.daySpan);
    this.seqUsed = new Uint16Array(REGION_CODES.length * this.daySpan * 2);
    this.seqSalt = mix32(seed ^ 0x27d4eb2f);
    this.phoneUsed = new Uint32Array(PHONE_PREFIXES.length);
    this.phoneKeys = [1, 2, 3, 4].map((k) => mix32(seed + k * 0x9e3779b9));
  }

  household(village: boolean): DemoResident[] {
    const { rng } = this;
    const migrant = rng.chance(village ? 0.145 : 0.24);
    const drafts = migrant ? this.migrantFamily() : this.localFamily(village);
    return this.finish(drafts, migrant);
  }

  // -- family structure --

  private localFamily(village: boolean): Draft[] {
    const { rng } = this;
    const shape = pickWeighted(rng, village ? VILLAGE_SHAPES : TOWN_SHAPES);
    const h = new Family(rng, SURNAMES, '户籍', LOCAL_REGION);
    switch (shape) {
      case 'singleElder':
        h.head(elderAge(rng, 65), rng.chance(0.65) ? 'female' : 'male');
        break;
      case 'elderCouple':
        h.couple(elderAge(rng, 60), 0.88);
        break;
      case 'singleAdult':
        h.head(rng.int(22, 64), rng.chance(0.6) ? 'male' : 'female');
        break;
      case 'couple':
        h.couple(rng.chance(0.5) ? rng.int(23, 34) : rng.int(45, 59), 0.85);
        break;
      case 'nuclear':
        h.couple(rng.int(26, 58), 0.85);
        h.children(childCount(rng));
        break;
      case 'threeGenUp': {
        h.couple(rng.int(28, 52), 0.9);
        h.children(rng.int(1, 2));
        h.parents(rng.chance(0.5) ? 2 : 1);
        break;
      }
      case 'threeGenDown':
        h.couple(rng.int(56, 80), 0.9, 0.85);
        h.adultChildWithFamily(rng.chance(0.3) ? 2 : 1);
        break;
      case 'leftBehind':
        h.couple(rng.int(56, 76), 0.8, 0.75);
        h.grandchildren(rng.chance(0.45) ? 2 : 1);
        break;
      case 'singleParent':
        h.head(rng.int(30, 55), rng.chance(0.6) ? 'female' : 'male');
        h.children(rng.int(1, 2));
        break;
      case 'siblings':
        h.head(rng.int(40, 85), rng.chance(0.5) ? 'male' : 'female');
        h.sibling();
        break;
    }
    // Now and then a relative or a carer lives in without a 户口 here (寄住).
    if (rng.chance(0.03) && h.members.length < MAX_RESIDENTS) {
      const region = rng.chance(0.5) ? LOCAL_REGION : rng.pick(ZHEJIANG_REGIONS);
      h.add(rng.int(18, 60), rng.chance(0.4) ? 'male' : 'female', rng.pick(SURNAMES), '其他', '寄住', region);
    }
    return h.members;
  }

  private migrantFamily(): Draft[] {
    const { rng } = this;
    const home = rng.pick(MIGRANT_REGIONS);
    const h = new Family(rng, MIGRANT_SURNAMES, '流动', home);
    switch (pickWeighted(rng, MIGRANT_SHAPES)) {
      case 'single':
        h.head(rng.chance(0.7) ? rng.int(18, 35) : rng.int(36, 55), rng.chance(0.62) ? 'male' : 'female');
        break;
      case 'couple':
        h.couple(rng.int(20, 50), 0.85);
        break;
      case 'family':
        h.couple(rng.int(25, 48), 0.85);
        h.children(rng.int(1, 2), 16);
        break;
      case 'coRenters': {
        h.head(rng.int(18, 45), rng.chance(0.7) ? 'male' : 'female');
        const others = rng.int(1, 3);
        for (let i = 0; i < others; i++) {
          const region = rng.chance(0.6) ? home : rng.pick(MIGRANT_REGIONS);
          h.add(
            rng.int(18, 50),
            rng.chance(0.65) ? 'male' : 'female',
            rng.pick(MIGRANT_SURNAMES),
            '其他',
            '流动',
            region,
          );
        }
        break;
      }
      case 'siblings':
        h.head(rng.int(18, 40), rng.chance(0.5) ? 'male' : 'female');
        h.sibling(12);
        break;
    }
    return h.members;
  }

  // -- identity, contact and tags --

  private finish(drafts: Draft[], migrant: boolean): DemoResident[] {
    const { rng } = this;
    const n = drafts.length;
    let allOver60 = true;
    let carer = false;
    for (const d of drafts) {
      if (d.age < 60) allOver60 = false;
      if (d.age >= 20 && d.age <= 55) carer = true;
    }
    const alone = n === 1 && (drafts[0] as Draft).age >= 65;
    const emptyNest = !alone && allOver60;
    const dibao = !migrant && rng.chance(alone ? 0.08 : n === 1 || allOver60 ? 0.05 : 0.025);
    return drafts.map((d) => {
      const { idCard, birthDate } = this.identity(d);
      const phone = rng.chance(phoneChance(d.age)) ? this.phone() : null;
      const adult = d.age >= 18;
      const tags: DemoTag[] = [];
      if (emptyNest) tags.push('空巢老人');
      if (alone) tags.push('独居老人');
      if (d.age < 16 && !carer) tags.push('留守儿童');
      if (rng.chance(d.age >= 65 ? 0.04 : adult ? 0.018 : 0.006)) tags.push('残疾人');
      if (dibao) tags.push('低保');
      if (adult && rng.chance(0.003)) tags.push('重点关注');
      if (adult && phone !== null && rng.chance(d.age < 60 ? 0.66 : 0.45)) tags.push('反诈App已安装');
      return {
        name: d.surname + givenName(rng, d.sex, d.age),
        idCard,
        birthDate,
        sex: d.sex,
        phone,
        relation: d.relation,
        residenceType: d.residence,
        tags,
      };
    });
  }

  /**
   * A birth date that gives exactly this age today, and an ID number whose sequence comes from a
   * counter per (region, birth date, sex), so no two residents ever share a number. A full counter
   * (500 people of one sex born the same day in one county) moves the birthday within the same age.
   */
  private identity(d: Draft): { idCard: string; birthDate: string } {
    const start = this.rng.int(0, 364);
    const sexBit = d.sex === 'male' ? 1 : 0;
    const latest = this.birthdayByAge[d.age] as number;
    for (let k = 0; k < 365; k++) {
      const epochDay = latest - ((start + k) % 365);
      const dayIndex = this.todayEpochDay - epochDay;
      const slot = ((d.region * this.daySpan + dayIndex) << 1) | sexBit;
      const used = this.seqUsed[slot] as number;
      if (used >= SEQ_PER_SEX) continue;
      this.seqUsed[slot] = used + 1;
      const seq = 2 * ((used + (mix32(slot ^ this.seqSalt) % SEQ_PER_SEX)) % SEQ_PER_SEX) + sexBit;
      let birthDate = this.dateText[dayIndex];
      if (birthDate === undefined) {
        birthDate = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
        this.dateText[dayIndex] = birthDate;
      }
      return { idCard: generateIdCard(REGION_CODES[d.region] as string, birthDate, seq), birthDate };
    }
    throw new Error(`ID sequence numbers exhausted for age ${d.age} in region ${REGION_CODES[d.region]}`);
  }

  private phone(): string {
    const p = this.rng.int(0, PHONE_PREFIXES.length - 1);
    const used = this.phoneUsed[p] as number;
    if (used >= PHONE_SPACE) throw new Error('phone numbers exhausted');
    this.phoneUsed[p] = used + 1;
    return PHONE_PREFIXES[p] + String(this.scatter(used, p)).padStart(8, '0');
  }

  /** Four-round Feistel network on two base-10 000 halves, keyed per prefix: a bijection of [0, 10^8). */
  private scatter(x: number, prefix: number): number {
    const tweak = Math.imul(prefix + 1, 0x2545f491);
    let left = Math.floor(x / 10_000);
    let right = x % 10_000;
    for (const key of this.phoneKeys) {
      const next = (left + (mix32(right ^ key ^ tweak) % 10_000)) % 10_000;
      left = right;
      right = next;
    }
    return left * 10_000 + right;
  }
}

/** Builds one household's members around its head. */
class Family {
  readonly members: Draft[] = [];
  /** The father's surname, which children and grandchildren mostly take. */
  private familyName: string;

  constructor(
    private readonly rng: SeededRandom,
    private readonly surnames: readonly string[],
    private readonly residence: DemoResidenceType,
    private readonly region: number,
  ) {
    this.familyName = rng.pick(surnames);
  }

  add(
    age: number,
    sex: DemoSex,
    surname: string,
    relation: DemoRelation,
    residence = this.residence,
    region = this.region,
  ): void {
    if (this.members.length < MAX_RESIDENTS)
      this.members.push({ age, sex, surname, relation, residence, region });
  }

  head(age: number, sex: DemoSex): void {
    this.add(age, sex, this.familyName, '户主');
  }

  /** Head and (with probability withSpouse) a spouse of the opposite sex and similar age. */
  couple(headAge: number, maleHead: number, withSpouse = 1): void {
    const { rng } = this;
    const sex: DemoSex = rng.chance(maleHead) ? 'male' : 'female';
    this.head(headAge, sex);
    if (!rng.chance(withSpouse)) return;
    const husbandOlderBy = rng.int(-1, 5);
    const age = clampAge(sex === 'male' ? headAge - husbandOlderBy : headAge + husbandOlderBy, 20);
    const spouseName = this.otherSurname();
    this.add(age, sex === 'male' ? 'female' : 'male', spouseName, '配偶');
    // Children take the father's surname.
    if (sex === 'female') this.familyName = spouseName;
  }

  /** Children of the head couple, spaced a few years apart; their mother was 22–34 at the first. */
  children(count: number, maxAge = MAX_AGE): void {
    let age = this.firstChildAge(this.motherAge());
    for (let i = 0; i < count && age >= 0; i++) {
      if (age <= maxAge) this.add(age, this.childSex(), this.childSurname(), '子女');
      age -= this.rng.int(1, 7);
    }
  }

  /** The head's own parents (father carries the head's surname). */
  parents(count: number): void {
    const { rng } = this;
    const head = this.members[0] as Draft;
    const both = count >= 2;
    const fatherAge = head.age + rng.int(24, 34);
    if ((both || rng.chance(0.35)) && fatherAge <= MAX_AGE - 2)
      this.add(fatherAge, 'male', head.surname, '父母');
    const motherAge = both ? Math.max(head.age + 20, fatherAge - rng.int(-1, 5)) : head.age + rng.int(22, 32);
    if ((both || this.members.every((m) => m.relation !== '父母')) && motherAge <= MAX_AGE - 2) {
      this.add(motherAge, 'female', this.otherSurname(), '父母');
    }
  }

  /** An adult child living in with a spouse and their children (the head is the grandparent). */
  adultChildWithFamily(grandchildren: number): void {
    const { rng } = this;
    const age = Math.max(20, this.motherAge() - rng.int(22, 32));
    const sex = this.childSex();
    const surname = this.childSurname();
    this.add(age, sex, surname, '子女');
    let kidsName = surname;
    let motherAge = sex === 'female' ? age : age - rng.int(-1, 5);
    if (rng.chance(0.8)) {
      const partnerName = this.otherSurname();
      const partnerAge = clampAge(sex === 'male' ? age - rng.int(-1, 5) : age + rng.int(-1, 5), 20);
      this.add(partnerAge, sex === 'male' ? 'female' : 'male', partnerName, '其他');
      if (sex === 'male') motherAge = partnerAge;
      else if (rng.chance(0.8)) kidsName = partnerName;
    }
    let kid = this.firstChildAge(motherAge);
    for (let i = 0; i < grandchildren && kid >= 0; i++) {
      this.add(kid, this.childSex(), kidsName, '孙辈');
      kid -= rng.int(1, 6);
    }
  }

  /** Grandchildren whose parents work away (the classic 留守儿童 household). */
  grandchildren(count: number): void {
    const { rng } = this;
    let age = rng.int(1, 15);
    for (let i = 0; i < count && age >= 0; i++) {
      this.add(age, this.childSex(), rng.chance(0.75) ? this.familyName : this.otherSurname(), '孙辈');
      age -= rng.int(1, 5);
    }
  }

  sibling(maxGap = 8): void {
    const { rng } = this;
    const head = this.members[0] as Draft;
    const age = clampAge(head.age + rng.int(-maxGap, maxGap), 18);
    this.add(age, rng.chance(0.5) ? 'male' : 'female', head.surname, '兄弟姐妹');
  }

  private motherAge(): number {
    const mother = this.members.find(
      (m) => m.sex === 'female' && (m.relation === '户主' || m.relation === '配偶'),
    );
    return (mother ?? (this.members[0] as Draft)).age;
  }

  private firstChildAge(motherAge: number): number {
    const age = motherAge - this.rng.int(22, 34);
    if (age >= 0) return age;
    return motherAge >= 22 ? this.rng.int(0, motherAge - 22) : -1;
  }

  private childSex(): DemoSex {
    return this.rng.chance(0.52) ? 'male' : 'female';
  }

  private childSurname(): string {
    // Some Zhuji families give a child the mother's surname (两头婚).
    if (this.rng.chance(0.92)) return this.familyName;
    const mother = this.members.find(
      (m) => m.sex === 'female' && (m.relation === '户主' || m.relation === '配偶'),
    );
    return mother?.surname ?? this.familyName;
  }

  private otherSurname(): string {
    for (let tries = 0; tries < 4; tries++) {
      const name = this.rng.pick(this.surnames);
      if (name !== this.familyName) return name;
    }
    return this.rng.pick(this.surnames);
  }
}

function clampAge(age: number, min: number): number {
  return Math.min(MAX_AGE - 2, Math.max(min, age));
}

/** min and up, thinning out with age like an exponential tail, at most 96. */
function elderAge(rng: SeededRandom, min: number): number {
  const age = min + Math.floor(-Math.log(1 - rng.next()) * 9);
  return age <= 96 ? age : rng.int(min, 96);
}

function childCount(rng: SeededRandom): number {
  const u = rng.next();
  return u < 0.48 ? 1 : u < 0.92 ? 2 : 3;
}

function phoneChance(age: number): number {
  if (age < 14) return 0;
  if (age < 18) return 0.6;
  if (age < 60) return 0.97;
  if (age < 75) return 0.82;
  if (age < 85) return 0.55;
  return 0.3;
}

function givenName(rng: SeededRandom, sex: DemoSex, age: number): string {
  const pools = GIVEN_NAMES_BY_ERA[sex];
  return rng.pick(age >= 60 ? pools.old : age >= 22 ? pools.middle : pools.young);
}
