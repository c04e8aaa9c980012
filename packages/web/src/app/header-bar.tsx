import LogoutOutlined from '@ant-design/icons-svg/es/asn/LogoutOutlined';
import MenuOutlined from '@ant-design/icons-svg/es/asn/MenuOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { SvgIcon } from '../lib/components/svg-icon';
import { useLanguage } from '../lib/i18n/use-language';
import { roleLabel } from '../lib/labels';
import { LanguageSwitch } from './language-switch';

/** Product name, the signed-in user and their roles, language switch and logout. */
export function HeaderBar({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { me, logout } = useAuth();
  const navigate = useNavigate();

  async function handleLogout() {
    await logout().catch(() => undefined);
    // antd's message comes with the notice itself: the shell does not load antd.
    void import('./logged-out-message').then((m) => m.showLoggedOut(t('header.loggedOut')));
    navigate('/login', { replace: true });
  }

  return (
    <header className={compact ? 'fq-header fq-header-compact' : 'fq-header'}>
      {compact ? (
        <button
          type="button"
          className="fq-text-button"
          onClick={onOpenMenu}
          aria-label={t('nav.menu')}
          data-testid="menu-toggle"
        >
          <SvgIcon icon={MenuOutlined} />
        </button>
      ) : null}
      <strong className="fq-header-title">{compact ? t('app.shortName') : t('app.name')}</strong>
      <div className="fq-header-actions">
        {me ? (
          <div className="fq-header-user" data-testid="current-user">
            <SvgIcon icon={UserOutlined} />
            <strong data-testid="current-user-name">{me.user.displayName}</strong>
            {compact
              ? null
              : me.user.roles.map((role) => (
                  <span key={role} className="fq-tag">
                    {roleLabel(role, lang)}
                  </span>
                ))}
          </div>
        ) : null}
        <LanguageSwitch />
        <button
          type="button"
          className="fq-text-button"
          onClick={() => void handleLogout()}
          title={t('header.logout')}
          aria-label={t('header.logout')}
          data-testid="logout-button"
        >
          <SvgIcon icon={LogoutOutlined} />
          {compact ? null : <span>{t('header.logout')}</span>}
        </button>
      </div>
    </header>
  );
}
