import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { NAV_ITEMS, navKeyOf } from './nav-items';

/** The module menu, showing only what the user's permissions allow. */
export function SideNav({ collapsed, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.labelKey),
    'data-testid': `nav-${item.path === '/' ? 'home' : item.path.slice(1)}`,
  }));
  return (
    <Menu
      mode="inline"
      inlineCollapsed={collapsed}
      selectedKeys={[navKeyOf(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
