import { createHash } from 'node:crypto';

/**
 * Where a tile URL template loads from. `{s}`-style placeholders in the host make it unparseable;
 * then only its scheme can be named.
 */
export function tileOrigin(tileUrl: string): string {
  try {
    const url = new URL(tileUrl.replace(/\{[^}]*\}/g, '0'));
    const host = tileUrl.split('/')[2] ?? '';
    return host.includes('{') ? url.protocol : url.origin;
  } catch {
    return 'https:';
  }
}

/**
 * The app shell's policy: scripts only from this origin plus the one inline config script (by hash);
 * antd writes its styles at run time, so inline styles stay allowed; MapLibre runs its worker from a
 * blob and fetches tiles, so the tile origin is allowed for images and fetches.
 */
export function appShellPolicy(inlineScript: string, tileUrl?: string): string {
  const scriptHash = createHash('sha256').update(inlineScript).digest('base64');
  const tiles = tileUrl ? ` ${tileOrigin(tileUrl)}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${scriptHash}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles}`,
    `connect-src 'self'${tiles}`,
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The door plate's public page (qr.html): its own script and stylesheet only, nothing inline, and
 * nothing fetched but this origin's public API.
 */
export const DOOR_PLATE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and files from the API are never documents; nothing may run or frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Any other HTML page that did not bring a policy of its own: nothing from elsewhere, no inline script. */
export const DOCUMENT_FALLBACK_POLICY =
  "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
