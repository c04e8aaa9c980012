import pg from 'pg';
import { APPEND_ONLY_TABLES } from './append-only-tables.js';

/** Owns the database and its objects; migrations run as this role. */
export const OWNER_ROLE = 'fengqiao_owner';
/** What the server and the CLI connect as: neither superuser nor owner, so triggers and grants bind it. */
export const APP_ROLE = 'fengqiao_app';

interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

export interface LoginRole {
  name: string;
  password: string;
}

/** Schemas the app works in (pg-boss keeps its queue in `pgboss`); only those that exist are granted. */
const APP_SCHEMAS = ['public', 'pgboss'];
/** Schemas whose objects belong to the owner role: the app's, and drizzle's migration journal. */
const OWNED_SCHEMAS = [...APP_SCHEMAS, 'drizzle'];

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates a login role that can do nothing beyond what it is granted. Roles are cluster-wide, so two
 * processes may race to create the same one; the loser finds it made and goes on.
 */
export async function ensureLoginRole(
  admin: Queryable,
  role: LoginRole,
  options: { resetPassword: boolean },
): Promise<void> {
  const name = pg.escapeIdentifier(role.name);
  const password = pg.escapeLiteral(role.password);
  const attributes = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls';
  const { rows } = await admin.query<{ safe: boolean }>(
    `select not (rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls) and rolcanlogin as safe
       from pg_roles where rolname = $1`,
    [role.name],
  );
  if (rows.length === 0) {
    try {
      await admin.query(`create role ${name} ${attributes} password ${password}`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION) throw error;
    }
  }
  if (options.resetPassword) await admin.query(`alter role ${name} ${attributes} password ${password}`);
  else if (rows[0] && !rows[0].safe) await admin.query(`alter role ${name} ${attributes}`);
}

/** The database belongs to the owner role, created if missing. Run as a superuser. */
export async function ensureOwnedDatabase(admin: Queryable, database: string, owner: string): Promise<void> {
  const { rows } = await admin.query<{ owner: string }>(
    'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
    [database],
  );
  const db = pg.escapeIdentifier(database);
  if (rows.length === 0) await admin.query(`create database ${db} owner ${pg.escapeIdentifier(owner)}`);
  else if (rows[0]?.owner !== owner)
    await admin.query(`alter database ${db} owner to ${pg.escapeIdentifier(owner)}`);
}

/**
 * Hands every object of the app's schemas to the owner role. Data dirs made before the roles existed hold
 * tables owned by the superuser, which the owner role could not migrate. Run as a superuser, in the database.
 */
export async function transferObjectsTo(admin: Queryable, owner: string): Promise<void> {
  const { rows } = await admin.query<{ statement: string }>(
    `with target as (select oid from pg_roles where rolname = $1),
          schemas as (select oid, nspname from pg_namespace where nspname = any($2::text[]))
     select format('alter schema %I owner to %I', s.nspname, $1) as statement
       from schemas s where s.nspname <> 'public' and (select nspowner from pg_namespace where oid = s.oid) <> (select oid from target)
     union all
     select format('alter %s %I.%I owner to %I',
                   case c.relkind when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end,
                   s.nspname, c.relname, $1)
       from pg_class c join schemas s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and c.relowner <> (select oid from target)
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
     union all
     select format('alter routine %s owner to %I', p.oid::regprocedure, $1)
       from pg_proc p join schemas s on s.oid = p.pronamespace
      where p.proowner <> (select oid from target)
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     union all
     select format('alter type %s owner to %I', t.oid::regtype, $1)
       from pg_type t join schemas s on s.oid = t.typnamespace
      where t.typtype in ('e', 'd', 'r') and t.typowner <> (select oid from target)
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')`,
    [owner, OWNED_SCHEMAS],
  );
  for (const { statement } of rows) await admin.query(statement);
}

/**
 * After migrations, run as the owner: the app may read and write every table of the schemas in use, but
 * only read and append to the append-only ones. Default privileges cover tables the owner makes later
 * (pg-boss creating its schema); the append-only revokes run again at every start, after migrations.
 */
export async function grantAppAccess(owner: Queryable, appRole: string): Promise<void> {
  const app = pg.escapeIdentifier(appRole);
  const { rows: schemas } = await owner.query<{ nspname: string }>(
    'select nspname from pg_namespace where nspname = any($1::text[]) order by nspname',
    [APP_SCHEMAS],
  );
  const { rows: version } = await owner.query<{ n: number }>(
    "select current_setting('server_version_num')::int as n",
  );
  // PostgreSQL 17's MAINTAIN lets the app ANALYZE what it bulk-loaded; older servers skip it with a warning.
  const maintain = (version[0]?.n ?? 0) >= 170_000 ? ', maintain' : '';
  const statements: string[] = [
    `alter default privileges grant usage on schemas to ${app}`,
    `alter default privileges grant select, insert, update, delete${maintain} on tables to ${app}`,
    `alter default privileges grant usage, select, update on sequences to ${app}`,
  ];
  for (const { nspname } of schemas) {
    const schema = pg.escapeIdentifier(nspname);
    statements.push(
      `grant usage on schema ${schema} to ${app}`,
      `grant select, insert, update, delete${maintain} on all tables in schema ${schema} to ${app}`,
      `grant usage, select, update on all sequences in schema ${schema} to ${app}`,
    );
  }
  const { rows: appendOnly } = await owner.query<{ name: string }>(
    'select to_regclass(t)::text as name from unnest($1::text[]) as t where to_regclass(t) is not null',
    [APPEND_ONLY_TABLES],
  );
  for (const { name } of appendOnly)
    statements.push(
      `revoke all on table ${name} from ${app}`,
      `grant select, insert on table ${name} to ${app}`,
    );
  // So the app can tell whether migrations are pending without holding the owner's password.
  const { rows: journal } = await owner.query<{ exists: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as exists",
  );
  if (journal[0]?.exists)
    statements.push(
      `grant usage on schema drizzle to ${app}`,
      `grant select on table drizzle.__drizzle_migrations to ${app}`,
    );
  for (const statement of statements) await owner.query(statement);
}

/** What makes the app's role able to rewrite the audit trail: each a reason to warn at start. */
export async function findAppRoleProblems(pool: Queryable): Promise<string[]> {
  const { rows } = await pool.query<{ role: string; superuser: boolean; version: number }>(
    "select current_user as role, rolsuper as superuser, current_setting('server_version_num')::int as version from pg_roles where rolname = current_user",
  );
  const role = rows[0];
  if (!role) return [];
  const problems: string[] = [];
  if (role.superuser) problems.push(`the app's role ${role.role} is a superuser`);
  const { rows: tables } = await pool.query<{ name: string; owns: boolean; rewrites: boolean }>(
    `select t as name,
            pg_has_role(current_user, c.relowner, 'USAGE') as owns,
            has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
              or has_table_privilege(c.oid, 'TRUNCATE') as rewrites
       from unnest($1::text[]) as t join pg_class c on c.oid = to_regclass(t)`,
    [APPEND_ONLY_TABLES],
  );
  for (const table of tables) {
    if (role.superuser) continue; // a superuser may do anything; said once above
    if (table.owns) problems.push(`the app's role ${role.role} owns ${table.name}`);
    else if (table.rewrites)
      problems.push(`the app's role ${role.role} may UPDATE, DELETE or TRUNCATE ${table.name}`);
  }
  if (!role.superuser && role.version >= 150_000) {
    const { rows: setting } = await pool.query<{ may: boolean }>(
      "select has_parameter_privilege('session_replication_role', 'SET') as may",
    );
    if (setting[0]?.may) problems.push(`the app's role ${role.role} may SET session_replication_role`);
  }
  return problems;
}
