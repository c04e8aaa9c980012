import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Biome's module-surface rule (biome.json, overrides): a module is imported only through
// modules/<name>/index.js. Each case writes a file into the tree where the rule applies, lints it
// with the repository's configuration, and removes it again.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const biome = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
  'bin/biome',
);

function lintProbe(
  folder: string,
  source: string,
  suffix = '.ts',
): { status: number | null; output: string } {
  const file = path.join(
    root,
    'packages/server',
    folder,
    `zz-surface-probe-${randomBytes(4).toString('hex')}${suffix}`,
  );
  try {
    writeFileSync(file, source);
    const run = spawnSync(process.execPath, [biome, 'lint', '--colors=off', path.relative(root, file)], {
      cwd: root,
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module surfaces', () => {
  it("fails the lint when a module imports another module's repository or service file", () => {
    const run = lintProbe(
      'src/modules/tokens',
      [
        "import { findUserByUsername } from '../users/user.repository.js';",
        "import { createUserAsSystem } from '../users/user.service.js';",
        'export const probe = [findUserByUsername, createUserAsSystem];',
        '',
      ].join('\n'),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('lint/style/noRestrictedImports');
    expect(run.output).toContain("'../users/user.repository.js'");
    expect(run.output).toContain("'../users/user.service.js'");
    expect(run.output).toContain('only through its public surface, modules/<name>/index.js');
  });

  it("passes a module importing its own files, shared code and other modules' index", () => {
    const run = lintProbe(
      'src/modules/tokens',
      [
        "import { USERNAME_PATTERN } from '@fengqiao/shared';",
        "import type { DbOrTx } from '../../db/client.js';",
        "import { findAccount } from '../users/index.js';",
        "import { listApiTokenViews } from './api-token.repository.js';",
        'export const probe = [USERNAME_PATTERN, findAccount, listApiTokenViews] as unknown as DbOrTx;',
        '',
      ].join('\n'),
    );
    expect(run.output).not.toContain('noRestrictedImports');
    expect(run.status).toBe(0);
  });

  it("lets a module's tests reach its own internals but not another module's", () => {
    const own = lintProbe(
      'src/modules/tokens',
      "import { listApiTokenViews } from './api-token.repository.js';\nexport const probe = listApiTokenViews;\n",
      '.test.ts',
    );
    expect(own.output).not.toContain('noRestrictedImports');
    expect(own.status).toBe(0);
    const other = lintProbe(
      'src/modules/tokens',
      "import { findUserByUsername } from '../users/user.repository.js';\nexport const probe = findUserByUsername;\n",
      '.test.ts',
    );
    expect(other.status).not.toBe(0);
    expect(other.output).toContain("'../users/user.repository.js'");
  });

  it("fails the lint when a composition root or a test factory imports a module's internals", () => {
    const cli = lintProbe(
      'src/cli',
      [
        "import { findOrgUnitByCode } from '../modules/orgs/org-unit.repository.js';",
        "export const probe = [findOrgUnitByCode, () => import('../modules/demo/demo-seed.service.js')];",
        '',
      ].join('\n'),
    );
    expect(cli.status).not.toBe(0);
    expect(cli.output).toContain("'../modules/orgs/org-unit.repository.js'");
    expect(cli.output).toContain("'../modules/demo/demo-seed.service.js'");
    expect(cli.output).toContain('outside packages/server/src/modules');
    const factory = lintProbe(
      'test',
      "import { insertOrgUnit } from '../src/modules/orgs/org-unit.repository.js';\nexport const probe = insertOrgUnit;\n",
    );
    expect(factory.status).not.toBe(0);
    expect(factory.output).toContain("'../src/modules/orgs/org-unit.repository.js'");
  });

  it('passes a composition root importing modules through their index', () => {
    const run = lintProbe(
      'src/jobs',
      [
        "import { createOrgUnitEvents } from '../modules/orgs/index.js';",
        "import { createUserEvents } from '../modules/users/index.js';",
        "export const probe = [createOrgUnitEvents, createUserEvents, () => import('../modules/demo/index.js')];",
        '',
      ].join('\n'),
    );
    expect(run.output).not.toContain('noRestrictedImports');
    expect(run.status).toBe(0);
  });
});
