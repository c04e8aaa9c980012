import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWithAntd } from '../../../lib/antd/lazy-with-antd';
import { useAuth } from '../../../lib/auth/auth-context';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { usePageTitle } from '../../../lib/page-title';
import { HomeHeader } from '../components/home-header';
import { MapSectionPlaceholder } from '../components/map-section-placeholder';
import { StatCards } from '../components/stat-cards';
import '../home.css';
import { countScope, shownScopeLevels } from '../scope-counts';

// The first screen (title, counts) is drawn without antd; the map section and a failed load's
// notice come with antd just after it.
const HomeMapSection = lazyWithAntd(() => import('../components/home-map-section'));
const ErrorAlert = lazyWithAntd(() =>
  import('../../../lib/components/error-alert').then((m) => ({ default: m.ErrorAlert })),
);

/** Overview: counts and the grid map of the user's scope. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const { me } = useAuth();
  const scope = useOrgScope();

  const counts = useMemo(
    () => countScope(scope.index, scope.units, scope.selectedId),
    [scope.index, scope.units, scope.selectedId],
  );

  const levels = useMemo(() => shownScopeLevels(scope.units), [scope.units]);

  const title = t('home.welcome', { name: me?.user.displayName ?? '' });
  if (!scope.available) {
    return (
      <>
        <HomeHeader title={title} />
        <p className="fq-home-notice" role="status">
          {t('home.noOrgAccess')}
        </p>
      </>
    );
  }

  const scopeName = scope.selectedUnit?.name ?? t('nav.scopeAll');
  return (
    <>
      <HomeHeader title={title} extra={t('home.scopeLabel', { name: scopeName })} />
      {scope.error ? (
        <Suspense fallback={null}>
          <ErrorAlert error={scope.error} onRetry={scope.retry} />
        </Suspense>
      ) : null}
      <StatCards counts={counts} levels={levels} loading={scope.loading && !scope.units.length} />
      <Suspense fallback={<MapSectionPlaceholder />}>
        <HomeMapSection />
      </Suspense>
    </>
  );
}

export default HomePage;
