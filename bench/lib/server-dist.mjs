import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built server: the bench measures what `npm start` runs, not the TypeScript sources. */
const DIST = new URL('../../packages/server/dist/', import.meta.url);

export function serverDistPath(relative) {
  return fileURLToPath(new URL(relative, DIST));
}

export async function importServer(relative) {
  const file = serverDistPath(relative);
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: build first (npm run build -w packages/shared && npx tsc -b packages/server)`,
    );
  }
  return import(new URL(relative, DIST).href);
}
