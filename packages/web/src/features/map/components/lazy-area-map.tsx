import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaMapProps } from './area-map';

// MapLibre is most of the app's weight (≈290 kB gzip): it loads when a map is first shown, while
// the rest of the page is already up.
const MapLibreAreaMap = lazy(() => import('./area-map'));

function MapLoading({ height = 480 }: { height?: number | string }) {
  const { t } = useTranslation();
  return (
    <div style={{ position: 'relative', height, borderRadius: 8, overflow: 'hidden' }}>
      <Spin description={t('map.loading')} style={{ position: 'absolute', top: '45%', left: 0, right: 0 }} />
    </div>
  );
}

/** The area map, with a spinner in its place while its code loads. */
export function AreaMap(props: AreaMapProps) {
  return (
    <Suspense fallback={<MapLoading height={props.height} />}>
      <MapLibreAreaMap {...props} />
    </Suspense>
  );
}
