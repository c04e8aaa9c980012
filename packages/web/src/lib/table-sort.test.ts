import { describe, expect, it } from 'vitest';
import { columnSortOrder, listSortOf } from './table-sort';

const SORTABLE = ['updatedAt', 'residentCount'] as const;

describe('table sort', () => {
  it("turns antd's sorter into the server's sort", () => {
    expect(listSortOf({ columnKey: 'updatedAt', order: 'descend' }, SORTABLE)).toEqual({
      sort: 'updatedAt',
      order: 'desc',
    });
    expect(listSortOf({ field: 'residentCount', order: 'ascend' }, SORTABLE)).toEqual({
      sort: 'residentCount',
      order: 'asc',
    });
  });

  it("leaves the server's own order when the sort is switched off or the column is not sortable", () => {
    expect(listSortOf({ columnKey: 'updatedAt', order: null }, SORTABLE)).toEqual({});
    expect(listSortOf({ columnKey: 'tags', order: 'ascend' }, SORTABLE)).toEqual({});
    expect(listSortOf([], SORTABLE)).toEqual({});
  });

  it('shows the order on the sorted column only', () => {
    expect(columnSortOrder({ sort: 'updatedAt', order: 'desc' }, 'updatedAt')).toBe('descend');
    expect(columnSortOrder({ sort: 'updatedAt', order: 'asc' }, 'updatedAt')).toBe('ascend');
    expect(columnSortOrder({ sort: 'updatedAt', order: 'asc' }, 'residentCount')).toBeNull();
  });
});
