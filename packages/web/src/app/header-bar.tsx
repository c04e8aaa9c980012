import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { useLanguage } from '../lib/i18n/use-language';
import { roleLabel } from '../lib/labels';
import { LanguageSwitch } from './language-switch';

/** Product name, the signed-in user and their roles, language switch and logout. */
export function HeaderBar({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { me, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { token } = theme.useToken();

  async function handleLogout() {
    await logout().catch(() => undefined);
    message.success(t('header.loggedOut'));
    navigate('/login', { replace: true });
  }

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: compact ? '0 8px' : '0 24px',
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {compact ? (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onOpenMenu}
          aria-label={t('nav.menu')}
          data-testid="menu-toggle"
        />
      ) : null}
      <Typography.Text strong ellipsis style={{ fontSize: 16, flex: 1, minWidth: 0 }}>
        {compact ? t('app.shortName') : t('app.name')}
      </Typography.Text>
      <Flex align="center" gap={compact ? 4 : 12}>
        {me ? (
          <Flex align="center" gap={6} data-testid="current-user">
            <UserOutlined />
            <Typography.Text strong data-testid="current-user-name">
              {me.user.displayName}
            </Typography.Text>
            {compact
              ? null
              : me.user.roles.map((role) => (
                  <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                    {roleLabel(role, lang)}
                  </Tag>
                ))}
          </Flex>
        ) : null}
        <LanguageSwitch size="small" />
        <Tooltip title={t('header.logout')}>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={() => void handleLogout()}
            data-testid="logout-button"
            aria-label={t('header.logout')}
          >
            {compact ? null : t('header.logout')}
          </Button>
        </Tooltip>
      </Flex>
    </Layout.Header>
  );
}
