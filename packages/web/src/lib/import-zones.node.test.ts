import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Biome's import zones (biome.json, overrides): shared → lib → features → app. Each case writes a
// file into the tree where the rule applies, lints it with the repository's configuration, and
// removes it again.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const biome = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
  'bin/biome',
);

function lintProbe(folder: string, source: string): { status: number | null; output: string } {
  const file = path.join(
    root,
    'packages/web/src',
    folder,
    `zz-zone-probe-${randomBytes(4).toString('hex')}.ts`,
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

describe('import zones', () => {
  it('fails the lint when lib/ imports app/ or a feature', () => {
    const run = lintProbe(
      'lib/auth',
      "import { AppRoot } from '../../app/app-root';\nimport { login } from '../../features/auth/api';\nexport const probe = [AppRoot, login];\n",
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('lint/style/noRestrictedImports');
    expect(run.output).toContain("'../../app/app-root'");
    expect(run.output).toContain("'../../features/auth/api'");
  });

  it('fails the lint when a feature imports app/', () => {
    const run = lintProbe(
      'features/tokens/pages',
      "import { AppRoot } from '../../../app/app-root';\nexport const probe = AppRoot;\n",
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('lint/style/noRestrictedImports');
    expect(run.output).toContain('app/ holds the router, layout and shell');
  });

  it("fails the lint when a feature imports another feature's internals", () => {
    const run = lintProbe(
      'features/tokens/components',
      "import { OrgTreeSelect } from '../../orgs/components/org-tree-select';\nexport const probe = OrgTreeSelect;\n",
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('lint/style/noRestrictedImports');
    expect(run.output).toContain('public surface');
  });

  it("passes a feature importing its own files, lib/ and other features' public surfaces", () => {
    const run = lintProbe(
      'features/tokens/components',
      [
        "import { api } from '../../../lib/api-client';",
        "import { fetchOrgUnit } from '../../orgs/api';",
        "import { OrgTreeSelect } from '../../orgs';",
        "import { listTokens } from '../api';",
        "import { TokenTable } from './token-table';",
        'export const probe = [api, fetchOrgUnit, OrgTreeSelect, listTokens, TokenTable];',
        '',
      ].join('\n'),
    );
    expect(run.output).not.toContain('noRestrictedImports');
    expect(run.status).toBe(0);
  });
});
