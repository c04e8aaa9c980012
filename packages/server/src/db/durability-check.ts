import type pg from 'pg';

/** An external server with fsync or synchronous_commit off can lose acknowledged writes on a crash. */
export async function findDurabilityProblems(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ fsync: string; sync: string }>(
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync",
  );
  const problems: string[] = [];
  if (rows[0]?.fsync !== 'on') problems.push('fsync is off');
  if (rows[0]?.sync === 'off') problems.push('synchronous_commit is off');
  return problems;
}
