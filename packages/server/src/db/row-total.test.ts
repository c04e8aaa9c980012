import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/factories.js';
import { countRows, EXACT_TOTAL_UP_TO } from './row-total.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a list’s total', () => {
  it('is counted exactly up to the limit', async () => {
    expect(
      await countRows(t.system.db, sql`from generate_series(1, ${EXACT_TOTAL_UP_TO}::int) n where n % 2 = 0`),
    ).toEqual({
      total: EXACT_TOTAL_UP_TO / 2,
      totalExact: true,
    });
    expect(await countRows(t.system.db, sql`from generate_series(1, 0) n`)).toEqual({
      total: 0,
      totalExact: true,
    });
  });

  it('is the planner’s estimate past it, marked as not exact', async () => {
    const total = await countRows(t.system.db, sql`from generate_series(1, 250000) n`);
    expect(total).toEqual({ total: 250_000, totalExact: false });
  });
});
