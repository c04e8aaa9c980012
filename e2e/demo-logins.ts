import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'E2e-Demo-Pass-2026';

/** Reads an admin's TOTP secret from the demo logins the server printed, and gives the current code. */
export function totpFromBanner(banner: string, username: string): string {
  const match = banner.match(new RegExp(`^\\s*${username}\\s.*TOTP secret: (\\w+)`, 'm'));
  if (!match?.[1]) throw new Error(`no TOTP secret for ${username} in the banner`);
  return authenticator.generate(match[1]);
}

/** Signs a demo admin in through the login page, password then TOTP step. */
export async function signInAsAdmin(page: Page, baseUrl: string, banner: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-totp').fill(totpFromBanner(banner, username));
  await page.getByTestId('login-totp-submit').click();
}
