import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, isInChina, wgs84ToGcj02 } from './coordinates.js';

function distanceMeters([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const r = 6371008.8;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

describe('isInChina', () => {
  it('accepts mainland points and rejects far-away ones', () => {
    expect(isInChina(120.285, 29.665)).toBe(true);
    expect(isInChina(116.404, 39.915)).toBe(true);
    expect(isInChina(-0.1276, 51.5072)).toBe(false);
    expect(isInChina(139.6917, 35.6895)).toBe(false);
    expect(isInChina(151.2093, -33.8688)).toBe(false);
  });

  it('over-covers like every bbox-based library (Seoul counts as inside)', () => {
    expect(isInChina(126.978, 37.5665)).toBe(true);
  });
});

describe('wgs84ToGcj02', () => {
  it('matches the coordtransform reference value for Beijing', () => {
    const [lng, lat] = wgs84ToGcj02(116.404, 39.915);
    expect(lng).toBeCloseTo(116.41024449916938, 10);
    expect(lat).toBeCloseTo(39.91640428150164, 10);
  });

  it('shifts Beijing by roughly 555 m', () => {
    const d = distanceMeters([116.404, 39.915], wgs84ToGcj02(116.404, 39.915));
    expect(d).toBeGreaterThan(500);
    expect(d).toBeLessThan(600);
  });

  it('shifts Fengqiao by a few hundred metres', () => {
    const d = distanceMeters([120.285, 29.665], wgs84ToGcj02(120.285, 29.665));
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(1000);
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02(-0.1276, 51.5072)).toEqual([-0.1276, 51.5072]);
    expect(gcj02ToWgs84(-0.1276, 51.5072)).toEqual([-0.1276, 51.5072]);
  });
});

describe('gcj02ToWgs84', () => {
  it('is close to the one-step coordtransform inverse for Beijing', () => {
    const d = distanceMeters(gcj02ToWgs84(116.404, 39.915), [116.39775550083061, 39.91359571849836]);
    expect(d).toBeLessThan(1);
  });

  it('round-trips to well under 0.5 m across China', () => {
    const points: [number, number][] = [
      [120.285, 29.665],
      [116.404, 39.915],
      [121.4737, 31.2304],
      [113.2644, 23.1291],
      [87.6168, 43.8256],
      [91.1322, 29.66],
      [126.6424, 45.7567],
      [110.3312, 20.031],
    ];
    for (const p of points) {
      expect(distanceMeters(wgs84ToGcj02(...gcj02ToWgs84(...p)), p)).toBeLessThan(0.01);
      expect(distanceMeters(gcj02ToWgs84(...wgs84ToGcj02(...p)), p)).toBeLessThan(0.01);
    }
  });

  it('round-trips on a grid of points over the Fengqiao area', () => {
    for (let lng = 120.2; lng <= 120.37; lng += 0.017) {
      for (let lat = 29.6; lat <= 29.73; lat += 0.013) {
        expect(distanceMeters(gcj02ToWgs84(...wgs84ToGcj02(lng, lat)), [lng, lat])).toBeLessThan(0.5);
      }
    }
  });
});
