import { type AddressParts, keyPart } from './household-key.js';

/**
 * Splits one 住址 cell ("诸暨市枫桥镇枫源村3组12号", "枫桥社区和平路8号3幢2单元301室") into the parts a
 * household's address is kept in. The village or community must be one of the station's own (or the
 * row's 村/社区 cell); the rest must end in a door or room number in a common form. Anything else is
 * refused with a reason, never guessed: a wrong split files people under the wrong door.
 *
 * The parts come out as the register writes them by hand ('3幢', '2单元', '301室', '12号'), with
 * Chinese numerals before a suffix turned into digits ('三单元' → '3单元'); householdKeyOf then
 * canonicalises them like any other address.
 */
export type AddressSplit = { ok: true; parts: AddressParts } | { ok: false; reason: string };

export interface SplitAddressOptions {
  /** The row's own 村/社区 cell when the file has that column too; '' or omitted when there is none. */
  community?: string;
}

export type AddressSplitter = (cell: string, options?: SplitAddressOptions) => AddressSplit;

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CN = '[零〇一二两三四五六七八九十百]+';
/** Digits or letters ('3', 'A', '12B'), or a Chinese numeral ('三', '十二'). */
const NUM = `(?:[0-9A-Z]+|${CN})`;

/** '十二' → '12', '一百零五' → '105', '三〇一' → '301'; digits and letters are kept as they are. */
export function chineseNumeralToDigits(text: string): string {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return text;
  if (!/[十百]/.test(text)) return [...text].map((c) => CN_DIGIT[c]).join('');
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGIT[c] ?? 0;
  }
  return String(total + digit);
}

/**
 * Administrative areas written before the village: province, city, county or district, town,
 * township or sub-district ('浙江省绍兴市诸暨市枫桥镇'). Only ever matched against the text before a
 * village name found in the cell, so '社区' or '小区' inside a street name cannot be taken for one.
 */
const ADMIN_PREFIX =
  /^(?:[\u4e00-\u9fff]{1,10}?(?:省|自治区|特别行政区|市|自治州|地区|盟|州|自治县|县|旗|区|镇|乡|街道办事处|街道))*$/u;
/** A town, township or sub-district at the start of a cell that names no village ('枫桥镇和平路8号'). */
const TOWN_PREFIX =
  /^(?:[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|自治州|州|自治县|县|区))*[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道)(?=[^路街道巷弄])/u;
/** A village or community name followed by a group or a number: a place the station does not have. */
const VILLAGE_LIKE = new RegExp(
  `^([\\u4e00-\\u9fff]{1,8}?(?:村|社区))(?=第?${NUM}(?:组|村民小组)|[0-9])`,
  'u',
);
/** 村民小组 at the start of what follows the village: '3组', '第三组', '三村民小组' → '3组'. */
const GROUP = new RegExp(`^第?(${NUM})(?:村民小组|小组|组)`, 'u');
const TAIL = new RegExp(
  `^(?<street>.*?)` +
    `(?:(?<building>${NUM})(?<buildingSuffix>号楼|幢|栋|座|楼))?` +
    `(?:(?<unit>${NUM})单元)?` +
    `(?:(?<room>[0-9A-Z]+(?:-[0-9A-Z]+)*)(?<roomSuffix>室|户|号|房)?|(?<cnRoom>${CN})(?<cnRoomSuffix>室|户|号))$`,
  'u',
);
/** Building, unit or floor tokens left in the street: the cell says more than one building or a floor. */
const NOT_A_STREET = new RegExp(`单元|室|${NUM}(?:号楼|幢|栋|座)|[0-9]楼`, 'u');
const HYPHENATED_DOOR = /^([0-9]+)-([0-9]+)-([0-9]+)$/;
const SEPARATORS = /[\s,，、;；:：]+/g;
/** '3#楼', '3#' are 3号楼 and 3号. */
const HASH = /#/g;
const MAX_SHOWN = 40;
/** Longer than '浙江省绍兴市诸暨市枫桥镇' with room to spare; bounds the prefix check's work. */
const MAX_PREFIX = 30;

const show = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
const canonical = (name: string) => keyPart(name, 'community');

/** Spellings of a village or community's name as addresses write it: '枫源村村委会' is also '枫源村'. */
function aliasesOf(name: string): string[] {
  const plain = canonical(name);
  const aliases = new Set([plain]);
  const village = /^(.+?)村?(?:村民委员会|村委会)$/u.exec(plain);
  const community = /^(.+?)(?:社区)?(?:社区居民委员会|社区居委会|居民委员会|居委会)$/u.exec(plain);
  if (village) aliases.add(`${village[1]}村`);
  else if (community) aliases.add(`${community[1]}社区`);
  return [...aliases];
}

interface Found {
  /** The station's own spelling, which the household gets. */
  name: string;
  /** What follows it in the cell. */
  rest: string;
}

/** The station's village or community named in the cell, with nothing before it but administrative areas. */
function findCommunity(text: string, names: readonly { alias: string; name: string }[]): Found | undefined {
  let best: (Found & { length: number; index: number }) | undefined;
  for (const { alias, name } of names) {
    let index = text.indexOf(alias);
    while (index >= 0) {
      if (index <= MAX_PREFIX && ADMIN_PREFIX.test(text.slice(0, index))) {
        const better =
          !best || alias.length > best.length || (alias.length === best.length && index < best.index);
        if (better) best = { name, rest: text.slice(index + alias.length), length: alias.length, index };
        break;
      }
      index = text.indexOf(alias, index + 1);
    }
  }
  return best && { name: best.name, rest: best.rest };
}

/** street, building, unit and room from what follows the village: '3组12号', '和平路8号3幢2单元301室'. */
function splitRest(rest: string, cell: string): AddressSplit | Omit<AddressParts, 'community'> {
  let text = rest.replace(/^[-—]+/, '');
  const group = GROUP.exec(text);
  if (group) text = `${chineseNumeralToDigits(group[1] as string)}组${text.slice(group[0].length)}`;
  const unreadable: AddressSplit = {
    ok: false,
    reason: `无法识别门牌号「${show(cell)}」：住址应以门牌号或房号结尾，如「3组12号」「和平路8号3幢2单元301室」`,
  };
  const m = TAIL.exec(text);
  if (!m?.groups) return unreadable;
  const g = m.groups;
  const street = (g.street ?? '').replace(/[-—]+$/, '');
  if (NOT_A_STREET.test(street)) {
    return {
      ok: false,
      reason: `无法确定楼栋、单元和房号「${show(cell)}」：请写成「3幢2单元301室」的形式，或分列填写`,
    };
  }
  let building = g.building ? `${chineseNumeralToDigits(g.building)}${g.buildingSuffix}` : '';
  let unit = g.unit ? `${chineseNumeralToDigits(g.unit)}单元` : '';
  const roomNumber = g.room ?? chineseNumeralToDigits(g.cnRoom ?? '');
  // 户 after a door in a block is its flat, as 室 is; the household key strips 室.
  const suffix = (g.roomSuffix ?? g.cnRoomSuffix ?? '').replace('户', '室');
  let room = `${roomNumber}${suffix}`;
  const door = HYPHENATED_DOOR.exec(roomNumber);
  if (door && !building && !unit && !suffix) {
    // '3-2-301' is written for 3幢2单元301室 in blocks of flats.
    building = `${door[1]}幢`;
    unit = `${door[2]}单元`;
    room = `${door[3]}室`;
  }
  // A door is a number with at most one 之 ('8-1号'); longer chains are no form the split knows.
  if (!/[0-9]/.test(roomNumber) || (!door && (roomNumber.match(/-/g)?.length ?? 0) > 1)) return unreadable;
  return { street, building, unit, room };
}

/**
 * A splitter for one station: `communityNames` are its villages and communities (org units of kind
 * community), matched however the cell spaces or widens them.
 */
export function createAddressSplitter(communityNames: readonly string[]): AddressSplitter {
  const names = communityNames
    .flatMap((name) => aliasesOf(name).map((alias) => ({ alias, name })))
    .filter((n) => n.alias)
    .sort((a, b) => b.alias.length - a.alias.length);

  return (cell, options = {}) => {
    const text = keyPart(cell, 'street').replace(SEPARATORS, '').replace(HASH, '号');
    if (!text) return { ok: false, reason: '住址不能为空' };
    const fromColumn = options.community ? options.community.trim() : '';
    const found = findCommunity(text, names);
    let community: string;
    let rest: string;
    if (found) {
      if (fromColumn && canonical(fromColumn) !== canonical(found.name)) {
        return {
          ok: false,
          reason: `住址中的村/社区「${found.name}」与村/社区列「${show(fromColumn)}」不一致`,
        };
      }
      community = found.name;
      rest = found.rest;
    } else {
      const own = fromColumn ? canonical(fromColumn) : '';
      const at = own ? text.indexOf(own) : -1;
      const afterTown = text.replace(TOWN_PREFIX, '');
      const village = VILLAGE_LIKE.exec(afterTown)?.[1];
      if (own && at >= 0 && at <= MAX_PREFIX && ADMIN_PREFIX.test(text.slice(0, at)))
        rest = text.slice(at + own.length);
      else if (village && canonical(village) !== own) {
        return {
          ok: false,
          reason: fromColumn
            ? `住址中的村/社区「${village}」与村/社区列「${show(fromColumn)}」不一致`
            : `无法识别村/社区「${village}」：不是本所的村/社区`,
        };
      } else if (own) rest = afterTown;
      else {
        return {
          ok: false,
          reason: `无法识别村/社区「${show(cell)}」：住址中没有本所的村/社区名称`,
        };
      }
      community = fromColumn;
    }
    const parts = splitRest(rest, cell);
    if ('ok' in parts) return parts;
    return { ok: true, parts: { community, ...parts } };
  };
}
