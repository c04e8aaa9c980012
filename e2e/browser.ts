import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
) as string[];

export const chromiumPath = CANDIDATES.find((p) => existsSync(p));

/** CI installs Debian's chromium and sets FENGQIAO_E2E_REQUIRED=1, so a missing browser fails there. */
export const skipBrowserTests = !chromiumPath && process.env.FENGQIAO_E2E_REQUIRED !== '1';

export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('chromium not found: apt-get install chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-gl=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}
