import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../random/seeded-random.js';
import { cross, type Position, segmentsIntersect } from './polygon-geometry.js';
import { validateGridPolygon } from './polygon-validation.js';

const ring = (...points: [number, number][]) => points;
const square = ring([120.28, 29.66], [120.29, 29.66], [120.29, 29.67], [120.28, 29.67], [120.28, 29.66]);
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });

/** A regular n-gon around (lng, 29.6), closed. */
function circle(n: number, lng = 120.2) {
  const points = Array.from({ length: n }, (_, i) => [
    lng + 0.01 * Math.cos((2 * Math.PI * i) / n),
    29.6 + 0.01 * Math.sin((2 * Math.PI * i) / n),
  ]);
  return polygon([...points, points[0]]);
}

function errorsOf(input: unknown) {
  const result = validateGridPolygon(input);
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

describe('validateGridPolygon: accepted shapes', () => {
  it('accepts a simple square and returns a clean copy', () => {
    const input = { ...polygon(square), properties: { name: 'x' }, bbox: [0, 0, 1, 1] };
    const result = validateGridPolygon(input);
    expect(result).toEqual({ ok: true, polygon: { type: 'Polygon', coordinates: [square] } });
    if (result.ok) expect(result.polygon.coordinates[0]).not.toBe(square);
  });

  it('accepts clockwise rings, concave rings and holes', () => {
    expect(validateGridPolygon(polygon([...square].reverse())).ok).toBe(true);
    const concave = ring([0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]);
    expect(validateGridPolygon(polygon(concave)).ok).toBe(true);
    const hole = ring([0.5, 0.5], [0.5, 0.8], [0.8, 0.8], [0.8, 0.5], [0.5, 0.5]);
    expect(validateGridPolygon(polygon(concave, hole)).ok).toBe(true);
  });

  it('accepts a MultiPolygon', () => {
    const other = square.map(([x, y]) => [x + 0.1, y] as [number, number]);
    const result = validateGridPolygon({ type: 'MultiPolygon', coordinates: [[square], [other]] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.polygon.type).toBe('MultiPolygon');
  });

  it('drops altitudes', () => {
    const withZ = square.map(([x, y]) => [x, y, 12]);
    const result = validateGridPolygon(polygon(withZ));
    expect(result).toEqual({ ok: true, polygon: { type: 'Polygon', coordinates: [square] } });
  });

  it('accepts boundary values of the WGS-84 ranges', () => {
    expect(validateGridPolygon(polygon(ring([-180, -90], [180, -90], [180, 90], [-180, -90]))).ok).toBe(true);
  });
});

describe('validateGridPolygon: structural errors', () => {
  it('rejects non-objects and wrong types', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: '边界必须是 GeoJSON 几何对象' }]);
    expect(errorsOf([1, 2])).toHaveLength(1);
    expect(errorsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([
      { path: 'type', message: '几何类型必须是 Polygon 或 MultiPolygon' },
    ]);
    expect(errorsOf({ type: 'Feature', geometry: polygon(square) })[0]?.path).toBe('type');
  });

  it('rejects missing or non-array coordinates', () => {
    expect(errorsOf({ type: 'Polygon' })).toEqual([
      { path: 'coordinates', message: 'coordinates 必须是数组' },
    ]);
    expect(errorsOf(polygon())[0]?.message).toBe('多边形至少需要一个外环');
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [] })[0]?.path).toBe('coordinates');
  });

  it('explains a missing nesting level', () => {
    const errors = errorsOf({ type: 'Polygon', coordinates: square });
    expect(errors[0]?.path).toBe('coordinates[0]');
    expect(errors[0]?.message).toContain('嵌套层级');
  });

  it('rejects malformed positions with their path', () => {
    const bad = [...square];
    bad[2] = [120.29] as unknown as [number, number];
    expect(errorsOf(polygon(bad))).toEqual([
      { path: 'coordinates[0][2]', message: '坐标点必须是 [经度, 纬度] 数组' },
    ]);
    bad[2] = ['120.29', 29.67] as unknown as [number, number];
    expect(errorsOf(polygon(bad))[0]?.message).toBe('坐标点的经纬度必须是有限数字');
    bad[2] = [Number.NaN, 29.67];
    expect(errorsOf(polygon(bad))[0]?.path).toBe('coordinates[0][2]');
  });

  it('rejects coordinates outside WGS-84 ranges', () => {
    const errors = errorsOf(polygon(ring([0, 0], [181, 0], [0, 91], [0, 0])));
    expect(errors).toEqual([
      { path: 'coordinates[0][1]', message: '经度 181 超出范围（-180 至 180）' },
      { path: 'coordinates[0][2]', message: '纬度 91 超出范围（-90 至 90）' },
    ]);
  });

  it('rejects rings with fewer than 4 positions', () => {
    expect(errorsOf(polygon(ring([0, 0], [1, 0], [0, 0])))).toEqual([
      { path: 'coordinates[0]', message: '多边形的环至少需要4个坐标点（首尾相同）' },
    ]);
  });

  it('rejects unclosed rings', () => {
    expect(errorsOf(polygon(square.slice(0, 4)))).toEqual([
      { path: 'coordinates[0][3]', message: '多边形的环未闭合：首尾坐标必须相同' },
    ]);
  });

  it('rejects consecutive duplicate positions', () => {
    const dup = ring([0, 0], [1, 0], [1, 0], [1, 1], [0, 0]);
    expect(errorsOf(polygon(dup))).toEqual([
      { path: 'coordinates[0][2]', message: '多边形的环存在连续重复的坐标点' },
    ]);
  });

  it('rejects collinear rings as doubling back on themselves', () => {
    expect(errorsOf(polygon(ring([0, 0], [1, 1], [2, 2], [0, 0])))[0]?.message).toContain('重叠');
  });

  it('rejects rings too small to be a real area', () => {
    expect(errorsOf(polygon(ring([0, 0], [1e-7, 0], [0, 1e-7], [0, 0])))).toEqual([
      { path: 'coordinates[0]', message: '多边形的环面积过小，近乎为零' },
    ]);
  });

  it('reports paths inside MultiPolygon parts and hole rings', () => {
    const open = square.slice(0, 4);
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [[square], [square, open]] })).toEqual([
      { path: 'coordinates[1][1][3]', message: '多边形的环未闭合：首尾坐标必须相同' },
    ]);
  });

  it('accepts 5,000 vertices a polygon and refuses one more, saying how many it has', () => {
    expect(validateGridPolygon(circle(5000)).ok).toBe(true);
    expect(errorsOf(circle(5001))).toEqual([
      { path: 'coordinates', message: '网格边界最多 5000 个顶点（此多边形有 5001 个），请简化边界' },
    ]);
    expect(errorsOf(polygon(Array.from({ length: 20_001 }, (_, i) => [i * 1e-6, 0])))[0]?.message).toContain(
      '最多 5000 个顶点',
    );
  });

  it('bounds a MultiPolygon per part and in all', () => {
    const part = (n: number, lng: number) => circle(n, lng).coordinates;
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [part(10, 120), part(5001, 121)] })).toEqual([
      { path: 'coordinates[1]', message: '网格边界最多 5000 个顶点（此多边形有 5001 个），请简化边界' },
    ]);
    const many = [0, 1, 2, 3, 4].map((i) => part(4500, 110 + i));
    expect(errorsOf({ type: 'MultiPolygon', coordinates: many })[0]?.message).toContain('坐标点过多');
  });

  it('does not exhaust the stack on coordinates nested thousands deep', () => {
    let deep: unknown = [120, 29];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateGridPolygon(polygon(deep)).ok).toBe(false);
  });
});

describe('validateGridPolygon: self-intersection', () => {
  it('rejects a bow-tie', () => {
    const errors = errorsOf(polygon(ring([0, 0], [1, 1], [1, 0], [0, 1], [0, 0])));
    expect(errors).toEqual([
      {
        path: 'coordinates[0][2]',
        message: '多边形的边自相交：第1条边与第3条边相交',
        location: { coordinate: [0.5, 0.5], segments: [0, 2] },
      },
    ]);
  });

  it('places a spike doubling back at its shared vertex', () => {
    const spike = ring([0, 0], [2, 0], [1, 0], [1, 1], [0, 0]);
    expect(errorsOf(polygon(spike))[0]?.location).toEqual({ coordinate: [2, 0], segments: [0, 1] });
  });

  it('rejects a ring that touches itself at a vertex', () => {
    const pinched = ring([0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]);
    expect(errorsOf(polygon(pinched))[0]?.message).toContain('自相交');
  });

  it('rejects a spike that doubles back along the previous edge', () => {
    const spike = ring([0, 0], [2, 0], [1, 0], [1, 1], [0, 0]);
    expect(errorsOf(polygon(spike))[0]?.message).toContain('重叠');
  });

  it('rejects a spike across the closing vertex', () => {
    const spike = ring([0, 0], [2, 0], [2, 2], [1, 0], [0, 0]);
    const messages = errorsOf(polygon(spike)).map((e) => e.message);
    expect(messages).toContain('多边形的边自相交：第1条边与第4条边重叠');
  });

  it('accepts a ring whose vertex lies just beside a non-adjacent edge', () => {
    const near = ring([0, 0], [2, 0], [1, 0.0001], [2, 2], [0, 2], [0, 0]);
    expect(validateGridPolygon(polygon(near)).ok).toBe(true);
  });

  it('handles a few thousand vertices quickly', () => {
    const n = 3000;
    const circle = Array.from({ length: n }, (_, i) => {
      const t = (2 * Math.PI * i) / n;
      return [120.285 + 0.01 * Math.cos(t), 29.665 + 0.01 * Math.sin(t)] as [number, number];
    });
    circle.push(circle[0] as [number, number]);
    const started = performance.now();
    expect(validateGridPolygon(polygon(circle)).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('caps the number of reported errors', () => {
    const zigzag: [number, number][] = [];
    for (let i = 0; i < 40; i++) zigzag.push([i, i % 2 === 0 ? 0 : 10]);
    for (let i = 39; i >= 0; i--) zigzag.push([i + 0.5, i % 2 === 0 ? 10 : 0]);
    zigzag.push(zigzag[0] as [number, number]);
    expect(errorsOf(polygon(zigzag)).length).toBeLessThanOrEqual(50);
  });
});

describe('validateGridPolygon: the sweep finds what the plain scan of every pair finds', () => {
  /** Every pair of edges, as the check was first written: the reference for the faster sweep. */
  function clashesByPlainScan(points: Position[]): string[] {
    const n = points.length - 1;
    const found: string[] = [];
    for (let i = 0; i < n; i++) {
      const [a, b] = [points[i] as Position, points[i + 1] as Position];
      for (let j = i + 1; j < n; j++) {
        const [c, d] = [points[j] as Position, points[j + 1] as Position];
        if (j === i + 1 || (i === 0 && j === n - 1)) {
          const [p, shared, q] = j === i + 1 ? [a, b, d] : [c, a, b];
          const back = (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]);
          if (cross(p, shared, q) === 0 && back > 0) found.push(`第${i + 1}条边与第${j + 1}条边重叠`);
        } else if (segmentsIntersect(a, b, c, d)) found.push(`第${i + 1}条边与第${j + 1}条边相交`);
      }
    }
    return found;
  }

  it('on 600 random rings: lattice rings that touch, cross and overlap, and star-shaped ones that do not', () => {
    const random = createSeededRandom(7);
    const seen = { clean: 0, crossing: 0, overlapping: 0 };
    for (let trial = 0; trial < 600; trial++) {
      const n = random.int(4, 15);
      const points: Position[] = [];
      if (trial % 3 === 0) {
        // Star-shaped around its centre, vertices in angle order: never crosses itself.
        for (let i = 0; i < n; i++) {
          const angle = (2 * Math.PI * i) / n;
          const radius = random.float(0.2, 1);
          points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
        }
      } else {
        while (points.length < n) {
          const next: Position = [random.int(0, 5), random.int(0, 5)];
          const last = points[points.length - 1];
          if (!last || last[0] !== next[0] || last[1] !== next[1]) points.push(next);
        }
      }
      const [first, last] = [points[0] as Position, points[n - 1] as Position];
      if (first[0] === last[0] && first[1] === last[1]) continue;
      const closed = [...points, first];
      const expected = clashesByPlainScan(closed).slice(0, 50);
      const result = validateGridPolygon(polygon(closed));
      const reported = result.ok
        ? []
        : result.errors
            .map((e) => e.message.replace('多边形的边自相交：', ''))
            .filter((m) => m.startsWith('第'));
      expect(reported, JSON.stringify(closed)).toEqual(expected);
      if (expected.length === 0) seen.clean++;
      if (expected.some((m) => m.endsWith('相交'))) seen.crossing++;
      if (expected.some((m) => m.endsWith('重叠'))) seen.overlapping++;
    }
    expect(seen.clean).toBeGreaterThan(150);
    expect(seen.crossing).toBeGreaterThan(150);
    expect(seen.overlapping).toBeGreaterThan(20);
  });

  it('finds one vertex pushed across the far side of a 5,000-vertex ring', () => {
    const ringOf = circle(5000).coordinates[0] as Position[];
    const pushed = ringOf.map((p, i) => (i === 10 ? ([120.2 - 0.011, 29.6] as Position) : p));
    const messages = errorsOf(polygon(pushed)).map((e) => e.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.includes('自相交'))).toBe(true);
  });
});
