import { type MessageKey, zhCN } from './messages/zh-CN.js';

/** What is wrong with an ID number, for the form's message (web) or the problem's detail (server). */
export type IdCardProblem = 'length' | 'format' | 'region' | 'birthDate' | 'futureBirthDate' | 'checksum';

export type IdCardParseResult =
  | { ok: true; normalized: string; birthDate: string; sex: 'male' | 'female'; regionCode: string }
  | { ok: false; problem: IdCardProblem | 'type'; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1800;

/** The catalog key of each problem; `reason` is its Chinese text, the web shows it in its language. */
export const ID_CARD_PROBLEM_KEYS = {
  type: 'id_card.type',
  length: 'id_card.length',
  format: 'id_card.format',
  region: 'id_card.region',
  birthDate: 'id_card.birth_date',
  futureBirthDate: 'id_card.future_birth_date',
  checksum: 'id_card.checksum',
} as const satisfies Record<IdCardProblem | 'type', MessageKey>;

/** Computes the GB 11643-1999 (ISO 7064 MOD 11-2) check character for the first 17 digits. */
export function computeIdCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('前17位必须全部为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Today's date in China (UTC+8), because birth dates on the card are local dates. */
function formatChinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Trims, and writes a lowercase or full-width final x as X. */
export function normalizeIdCard(raw: string): string {
  return raw.trim().replace(/[xＸ]$/, 'X');
}

const fail = (problem: IdCardProblem | 'type'): IdCardParseResult => ({
  ok: false,
  problem,
  reason: zhCN[ID_CARD_PROBLEM_KEYS[problem]],
});

/**
 * Checks an 18-digit resident ID number (GB 11643-1999) and reads the birth date and sex from it.
 * The server's check is the authoritative one; the web runs the same for fast feedback in forms.
 */
export function parseIdCard(input: string, now: Date = new Date()): IdCardParseResult {
  if (typeof input !== 'string') return fail('type');
  const s = normalizeIdCard(input);
  if (s.length !== 18) return fail('length');
  if (!/^\d{17}[\dX]$/.test(s)) return fail('format');

  const regionCode = s.slice(0, 6);
  if (!/^[1-8]/.test(regionCode)) return fail('region');

  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (year < MIN_BIRTH_YEAR || !isRealDate(year, month, day)) return fail('birthDate');
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birthDate > formatChinaDate(now)) return fail('futureBirthDate');

  if (computeIdCardCheckChar(s.slice(0, 17)) !== s[17]) return fail('checksum');

  const sex = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, normalized: s, birthDate, sex, regionCode };
}

/** Builds a checksum-valid ID number for demo and test data; seq's parity decides the sex (odd = male). */
export function generateIdCard(regionCode: string, birthDate: string, seq: number): string {
  if (!/^[1-8]\d{5}$/.test(regionCode)) throw new RangeError(`invalid region code: ${regionCode}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`invalid birth date: ${birthDate}`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`invalid sequence: ${seq}`);
  const first17 = `${regionCode}${m[1]}${m[2]}${m[3]}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCardCheckChar(first17);
}
