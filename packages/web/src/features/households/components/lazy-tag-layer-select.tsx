import { type ComponentProps, lazy, Suspense } from 'react';

// antd's Select comes after the home page's first draw, as the map does, whose layer it picks.
const Select = lazy(() => import('./tag-layer-select').then((m) => ({ default: m.TagLayerSelect })));

export function TagLayerSelect(props: ComponentProps<typeof Select>) {
  return (
    <Suspense fallback={null}>
      <Select {...props} />
    </Suspense>
  );
}
