import {
  ApartmentOutlined,
  AuditOutlined,
  ContactsOutlined,
  HomeOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@fengqiao/shared';
import type { ReactNode } from 'react';
import type { Messages } from '../lib/i18n/zh-CN';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  icon: ReactNode;
  /** Null = every signed-in user. */
  permission: Permission | null;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, permission: null },
  {
    path: '/households',
    labelKey: 'nav.households',
    // The menu item itself is `nav-households` (side-nav's rule); the icon carries the id e2e tests use.
    icon: <ContactsOutlined data-testid="households-nav" />,
    permission: 'household.read',
  },
  { path: '/orgs', labelKey: 'nav.orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/tokens', labelKey: 'nav.tokens', icon: <KeyOutlined />, permission: 'token.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The menu key for a location: the first path segment. */
export function navKeyOf(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}
