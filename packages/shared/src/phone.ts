const MOBILE_DIGITS = '1[3-9][0-9]{9}';

/** A mainland mobile number's 11 digits, starting 13–19 (JSON Schema `pattern` syntax). */
export const MOBILE_PATTERN = `^${MOBILE_DIGITS}$`;

/** A work number for door plates and the public page: a mobile, or a landline with area code. */
export const WORK_PHONE_PATTERN = `^(${MOBILE_DIGITS}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$`;

const MOBILE = new RegExp(MOBILE_PATTERN);

/** The 11 digits of a mainland mobile number written with spaces, dashes or +86; null when it is none. */
export function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return MOBILE.test(digits) ? digits : null;
}
