import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoSeedResult } from '../modules/demo/index.js';

const FEATURED = ['officer01', 'chief', 'command01', 'gridworker01', 'sysadmin', 'secadmin', 'auditor'];

/** The demo logins are kept beside the data so a restarted demo can print them again. */
export function saveDemoCredentials(dataDir: string, result: DemoSeedResult): string {
  const lines = [
    `演示密码 (demo password): ${result.password}`,
    '演示账号 (demo logins):',
    ...result.logins
      .filter((l) => FEATURED.includes(l.username))
      .sort((a, b) => FEATURED.indexOf(a.username) - FEATURED.indexOf(b.username))
      .map(
        (l) =>
          `  ${l.username.padEnd(14)} ${l.title}·${l.displayName}` +
          (l.totpSecret ? `  (两步验证密钥 TOTP secret: ${l.totpSecret})` : ''),
      ),
    `  …共 ${result.logins.length} 个账号，密码相同 (${result.logins.length} accounts share the password)`,
  ];
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path.join(dataDir, 'demo-logins.txt'), text, { mode: 0o600 });
  return text;
}

export function readDemoCredentials(dataDir: string): string | null {
  const file = path.join(dataDir, 'demo-logins.txt');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
