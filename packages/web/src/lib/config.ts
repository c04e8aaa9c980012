/** Runtime settings the server may inject as `window.FENGQIAO_CONFIG` (see index.html). */
export interface RuntimeConfig {
  /** Raster tile URL template, e.g. an intranet WMTS/Tianditu `https://…/{z}/{x}/{y}.png`. */
  tileUrl?: string;
  /** Attribution shown for the tiles. */
  tileAttribution?: string;
  /** MapLibre glyphs URL template (`…/{fontstack}/{range}.pbf`); enables map-drawn labels. */
  glyphsUrl?: string;
  /** Font stack for labels when glyphs are configured. */
  fontStack?: string[];
}

declare global {
  interface Window {
    FENGQIAO_CONFIG?: RuntimeConfig;
  }
}

function env(name: string): string | undefined {
  const value = (import.meta.env as Record<string, string | undefined>)[name];
  return value ? value : undefined;
}

export function runtimeConfig(): RuntimeConfig {
  const injected = typeof window === 'undefined' ? undefined : window.FENGQIAO_CONFIG;
  return {
    tileUrl: injected?.tileUrl ?? env('VITE_TILE_URL'),
    tileAttribution: injected?.tileAttribution ?? env('VITE_TILE_ATTRIBUTION'),
    glyphsUrl: injected?.glyphsUrl ?? env('VITE_GLYPHS_URL'),
    fontStack: injected?.fontStack,
  };
}
