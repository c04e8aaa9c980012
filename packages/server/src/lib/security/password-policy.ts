import { formatMessage, type Message } from '@fengqiao/shared/messages';

export const MIN_PASSWORD_LENGTH = 10;

// Compared case-insensitively; longer entries matter most because short ones already fail the length rule.
const COMMON_WEAK_PASSWORDS = new Set([
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'qwertyuiop',
  'qwerty123',
  'qwe123!@#',
  'abc123456',
  'abcd1234',
  'a123456789',
  'admin123',
  'admin@123',
  'admin@1234',
  'admin12345',
  'administrator',
  'p@ssw0rd',
  'p@ssw0rd123',
  'p@ssword123',
  'password',
  'password1',
  'password123',
  'password@123',
  'passw0rd!',
  'iloveyou',
  'woaini1314',
  'woaini520',
  '5201314520',
  'zxcvbnm123',
  'aa123456789',
  'qq123456789',
  'huawei@123',
  'welcome123',
  'changeme123',
  'fengqiao123',
  'fengqiao@123',
  'police@123',
  'gongan@123',
]);

const CHARACTER_CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

export interface PasswordContext {
  username?: string;
}

/** Returns the list of problems as catalog messages; an empty list means the password is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): Message[] {
  const problems: Message[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    problems.push({ key: 'password.too_short', params: { min: MIN_PASSWORD_LENGTH } });
  }
  const classes = CHARACTER_CLASSES.filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push({ key: 'password.too_few_classes' });
  }
  const username = context.username?.trim().toLowerCase();
  if (username && password.toLowerCase().includes(username)) {
    problems.push({ key: 'password.contains_username' });
  }
  if (COMMON_WEAK_PASSWORDS.has(password.toLowerCase())) {
    problems.push({ key: 'password.too_common' });
  }
  return problems;
}

/** The same problems in Chinese. */
export function checkPasswordComplexity(password: string, context: PasswordContext = {}): string[] {
  return passwordProblems(password, context).map((p) => formatMessage('zh-CN', p.key, p.params));
}
