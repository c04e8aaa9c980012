import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { SvgIcon } from '../lib/components/svg-icon';
import { NAV_ITEMS, navKeyOf, navTestId } from './nav-items';

/** The module menu, a list of links showing only what the user's permissions allow. */
export function SideNav({ collapsed, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const selected = navKeyOf(useLocation().pathname);
  const items = NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
  return (
    <nav aria-label={t('nav.menu')}>
      <ul className={collapsed ? 'fq-nav fq-nav-collapsed' : 'fq-nav'} data-testid="side-menu">
        {items.map((item) => {
          const label = t(item.labelKey);
          return (
            <li key={item.path}>
              <Link
                to={item.path}
                className="fq-nav-link"
                aria-current={item.path === selected ? 'page' : undefined}
                title={collapsed ? label : undefined}
                onClick={onNavigate}
                data-testid={navTestId(item.path)}
              >
                <SvgIcon icon={item.icon} className="fq-nav-icon" />
                <span className="fq-nav-label">{label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
