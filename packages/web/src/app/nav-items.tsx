import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import AuditOutlined from '@ant-design/icons-svg/es/asn/AuditOutlined';
import ContactsOutlined from '@ant-design/icons-svg/es/asn/ContactsOutlined';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined';
import KeyOutlined from '@ant-design/icons-svg/es/asn/KeyOutlined';
import TeamOutlined from '@ant-design/icons-svg/es/asn/TeamOutlined';
import type { IconDefinition } from '@ant-design/icons-svg/es/types';
import type { Permission } from '@fengqiao/shared';
import type { Messages } from '../lib/i18n/zh-CN';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  icon: IconDefinition;
  /** Null = every signed-in user. */
  permission: Permission | null;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: HomeOutlined, permission: null },
  { path: '/households', labelKey: 'nav.households', icon: ContactsOutlined, permission: 'household.read' },
  { path: '/orgs', labelKey: 'nav.orgs', icon: ApartmentOutlined, permission: 'org.read' },
  { path: '/users', labelKey: 'nav.users', icon: TeamOutlined, permission: 'user.read' },
  { path: '/tokens', labelKey: 'nav.tokens', icon: KeyOutlined, permission: 'token.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, permission: 'audit.read' },
];

/** The menu key for a location: the first path segment. */
export function navKeyOf(pathname: string): string {
  const first = pathname.split('/')[1];
  return first ? `/${first}` : '/';
}

/** The test id of a menu entry: `nav-home`, `nav-households`, … */
export function navTestId(path: string): string {
  return `nav-${path === '/' ? 'home' : path.slice(1)}`;
}
