import MenuFoldOutlined from '@ant-design/icons-svg/es/asn/MenuFoldOutlined';
import MenuUnfoldOutlined from '@ant-design/icons-svg/es/asn/MenuUnfoldOutlined';
import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { lazyWithAntd } from '../lib/antd/lazy-with-antd';
import { BootSpin } from '../lib/components/boot-spin';
import { SvgIcon } from '../lib/components/svg-icon';
import { OrgScopeProvider } from '../lib/org-scope/org-scope-context';
import './app-shell.css';
import { Brand } from './brand';
import { HeaderBar } from './header-bar';
import { NavDrawer } from './nav-drawer';
import { SideNav } from './side-nav';
import { useCompactScreen } from './use-compact-screen';

// The shell is drawn without antd; antd's Tree comes just after it, with its providers.
const OrgScopeTree = lazyWithAntd(() =>
  import('./org-scope-tree').then((m) => ({ default: m.OrgScopeTree })),
);

/** The signed-in shell: side menu and org tree (a drawer on phones), header, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const compact = useCompactScreen();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const close = useCallback(() => setDrawerOpen(false), []);

  const nav = (folded: boolean, onNavigate?: () => void) => (
    <>
      <Brand collapsed={folded} />
      <SideNav collapsed={folded} onNavigate={onNavigate} />
      {folded ? null : (
        <>
          <hr className="fq-divider" />
          <Suspense fallback={null}>
            <OrgScopeTree onSelected={onNavigate} />
          </Suspense>
        </>
      )}
    </>
  );

  return (
    <OrgScopeProvider>
      <div className="fq-shell">
        {compact ? (
          <NavDrawer open={drawerOpen} onClose={close}>
            {nav(false, close)}
          </NavDrawer>
        ) : (
          <aside className={collapsed ? 'fq-sider fq-sider-collapsed' : 'fq-sider'}>
            <div className="fq-sider-body">{nav(collapsed)}</div>
            <button
              type="button"
              className="fq-sider-trigger"
              onClick={() => setCollapsed(!collapsed)}
              aria-label={t('nav.menu')}
              aria-expanded={!collapsed}
            >
              <SvgIcon icon={collapsed ? MenuUnfoldOutlined : MenuFoldOutlined} />
            </button>
          </aside>
        )}
        {/* The drawer is modal: what lies behind it takes no focus or clicks while it is open. */}
        <div className="fq-shell-main" inert={compact && drawerOpen}>
          <HeaderBar compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
          <main className="fq-content">
            <Suspense fallback={<BootSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
      </div>
    </OrgScopeProvider>
  );
}

export default AppLayout;
