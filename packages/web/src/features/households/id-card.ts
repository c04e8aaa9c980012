const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdCardProblem = 'length' | 'format' | 'region' | 'birthDate' | 'checksum';

/** The GB 11643-1999 (ISO 7064 MOD 11-2) check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Today's date in China, because the birth date on the card is a local date. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function normalizeIdCard(raw: string): string {
  return raw.trim().replace(/[xＸ]$/, 'X');
}

/**
 * Checks an 18-digit resident ID number for fast feedback in forms (the server checks again):
 * null when valid, else what is wrong.
 */
export function checkIdCard(raw: string): IdCardProblem | null {
  const s = normalizeIdCard(raw);
  if (s.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(s)) return 'format';
  if (!/^[1-8]/.test(s)) return 'region';
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (year < 1800 || !isRealDate(year, month, day)) return 'birthDate';
  if (`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` > chinaToday()) return 'birthDate';
  if (idCardCheckChar(s.slice(0, 17)) !== s[17]) return 'checksum';
  return null;
}

/** A mainland mobile number as the server accepts it (spaces, dashes and +86 allowed). */
export function isValidPhone(raw: string): boolean {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits);
}
