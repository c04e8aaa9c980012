import type { Problem } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import { boundaryProblems } from './boundary-problems';

const problem = (errors: Problem['errors']): Problem => ({
  type: 'https://fengqiao.dev/problems/invalid-boundary',
  title: '请求内容无效',
  status: 422,
  code: 'invalid_boundary',
  errors,
});

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('the server’s boundary errors placed on the map', () => {
  it('takes the crossing point and edges from the location, the ring from a Polygon path', () => {
    const found = boundaryProblems(
      problem([
        {
          field: 'boundary.coordinates[0][2]',
          message: '多边形的边自相交：第1条边与第3条边相交',
          location: { coordinate: [0.5, 0.5], segments: [0, 2] },
        },
      ]),
      { type: 'Polygon', coordinates: [square] },
    );
    expect(found).toEqual([
      { message: '多边形的边自相交：第1条边与第3条边相交', part: 0, ring: 0, at: [0.5, 0.5], edges: [0, 2] },
    ]);
  });

  it('marks the vertex a path names when there is no location, with the part of a MultiPolygon', () => {
    const found = boundaryProblems(
      problem([{ field: 'boundary.coordinates[1][0][3]', message: '多边形的环存在连续重复的坐标点' }]),
      { type: 'MultiPolygon', coordinates: [[square], [square]] },
    );
    expect(found).toEqual([{ message: '多边形的环存在连续重复的坐标点', part: 1, ring: 0, at: [0, 1] }]);
  });

  it('keeps a message it cannot place, and ignores errors about other fields', () => {
    const found = boundaryProblems(
      problem([
        { field: 'boundary.coordinates', message: '坐标点过多' },
        { field: 'name', message: '请输入名称' },
      ]),
      { type: 'Polygon', coordinates: [square] },
    );
    expect(found).toEqual([{ message: '坐标点过多', part: 0, ring: undefined }]);
  });
});
