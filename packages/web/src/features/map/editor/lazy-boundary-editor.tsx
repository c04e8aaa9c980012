import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoundaryEditorProps } from './boundary-editor';

// The editor is MapLibre too: it loads with the map chunk, when the modal opens.
const LazyEditor = lazy(() => import('./boundary-editor'));

function EditorLoading({ height = 420 }: { height?: number | string }) {
  const { t } = useTranslation();
  return (
    <div style={{ position: 'relative', height }}>
      <Spin description={t('map.loading')} style={{ position: 'absolute', top: '45%', left: 0, right: 0 }} />
    </div>
  );
}

/** The boundary editor, with a spinner in its place while its code loads. */
export function BoundaryEditor(props: BoundaryEditorProps) {
  return (
    <Suspense fallback={<EditorLoading height={props.height} />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}
