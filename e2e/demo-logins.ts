import { authenticator } from 'otplib';

/** Reads an admin's TOTP secret from the demo logins the server printed, and gives the current code. */
export function totpFromBanner(banner: string, username: string): string {
  const match = banner.match(new RegExp(`^\\s*${username}\\s.*TOTP secret: (\\w+)`, 'm'));
  if (!match?.[1]) throw new Error(`no TOTP secret for ${username} in the banner`);
  return authenticator.generate(match[1]);
}
