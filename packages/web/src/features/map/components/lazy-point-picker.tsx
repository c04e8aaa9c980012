import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointPickerProps } from './point-picker';

// MapLibre again: it loads when the picker is first opened.
const LazyPicker = lazy(() => import('./point-picker'));

function PickerLoading({ height = 280 }: { height?: number | string }) {
  const { t } = useTranslation();
  return (
    <div style={{ position: 'relative', height }}>
      <Spin description={t('map.loading')} style={{ position: 'absolute', top: '45%', left: 0, right: 0 }} />
    </div>
  );
}

/** The point picker, with a spinner in its place while its code loads. */
export function PointPicker(props: PointPickerProps) {
  return (
    <Suspense fallback={<PickerLoading height={props.height} />}>
      <LazyPicker {...props} />
    </Suspense>
  );
}
