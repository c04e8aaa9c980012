import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../src/db/client.js';
import { withDatabase, withLogin } from './global-setup.js';

export interface TestDatabase extends Database {
  /** The app's login (the app role: neither superuser nor owner), as the server under test uses it. */
  url: string;
  /** The owner's login: migrations and grants. */
  ownerUrl: string;
  /** A superuser's login, for tests that play a DBA going behind the app's back. */
  superuserUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const roles = inject('pgRoles');
  const name = `fq_test_${template.replace('fq_template_', '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template ${template} owner ${pg.escapeIdentifier(roles.owner.name)}`,
  );
  await admin.end();
  const superuserUrl = withDatabase(adminUrl, name);
  const url = withLogin(superuserUrl, roles.app);
  const database = connectDatabase(url, 5);
  return {
    ...database,
    url,
    ownerUrl: withLogin(superuserUrl, roles.owner),
    superuserUrl,
    name,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
