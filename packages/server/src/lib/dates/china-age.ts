/** China keeps UTC+8 all year, so today's local date is a fixed shift away. */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** Whole years between a YYYY-MM-DD birth date and today's date in China. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const now = new Date(today.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  const years = Number(now.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return now.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
