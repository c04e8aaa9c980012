import { Divider, Drawer, Grid, Layout, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { FullPageSpin } from '../lib/components/full-page-spin';
import { OrgScopeProvider } from '../lib/org-scope/org-scope-context';
import { Brand } from './brand';
import { HeaderBar } from './header-bar';
import { SideNav } from './side-nav';

const SIDER_WIDTH = 248;

// antd's Tree (a fifth of the shell's antd) comes just after the shell: menu, header and page first.
const OrgScopeTree = lazy(() => import('./org-scope-tree').then((m) => ({ default: m.OrgScopeTree })));

/** The signed-in shell: side menu and org tree (a drawer on phones), header, and the page. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const close = () => setDrawerOpen(false);

  const nav = (onNavigate?: () => void) => (
    <>
      <Brand />
      <SideNav onNavigate={onNavigate} />
      <Divider style={{ margin: '8px 0' }} />
      <Suspense fallback={null}>
        <OrgScopeTree onSelected={onNavigate} />
      </Suspense>
    </>
  );

  return (
    <OrgScopeProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {compact ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={close}
            size={SIDER_WIDTH + 32}
            closable={false}
            styles={{ body: { padding: 0 } }}
            data-testid="nav-drawer"
          >
            {nav(close)}
          </Drawer>
        ) : (
          <Layout.Sider
            width={SIDER_WIDTH}
            theme="light"
            style={{
              position: 'sticky',
              top: 0,
              height: '100vh',
              overflowY: 'auto',
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            {nav()}
          </Layout.Sider>
        )}
        <Layout>
          <HeaderBar compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
          <Layout.Content style={{ padding: compact ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </OrgScopeProvider>
  );
}

export default AppLayout;
