/** [lng, lat] in degrees, GeoJSON order. */
export type LngLat = [number, number];

// Krasovsky 1940 ellipsoid, as used by the reverse-engineered GCJ-02 ("eviltransform") formula.
const KRASOVSKY_A = 6378245.0;
// Published as 0.00669342162296594323; this is the same double without the unrepresentable digits.
const KRASOVSKY_EE = 0.006693421622965943;

const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * The same rough bounding box every GCJ-02 library uses. It deliberately over-covers
 * (Hong Kong, Taiwan, even Seoul get shifted) so results agree with Amap/Tencent output.
 */
export function isInChina(lng: number, lat: number): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

function gcjOffset(lng: number, lat: number): LngLat {
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (transformLat(lng - 105.0, lat - 35.0) * 180.0) /
    (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng =
    (transformLng(lng - 105.0, lat - 35.0) * 180.0) /
    ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (!isInChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = gcjOffset(lng, lat);
  return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 has no closed-form inverse, so refine a guess until its forward transform lands on
 * the input; converges to well under a millimetre in a handful of steps.
 */
export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (!isInChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat);
    const errLng = gLng - lng;
    const errLat = gLat - lat;
    wLng -= errLng;
    wLat -= errLat;
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLng, wLat];
}
