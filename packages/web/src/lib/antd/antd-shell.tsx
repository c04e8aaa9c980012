import { App as AntdApp, ConfigProvider } from 'antd';
// The ES builds: antd/locale/* are CommonJS and would bring a second copy of the pickers' locales.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import '../format';
import { useLanguage } from '../i18n/use-language';

const THEME = {
  token: {
    colorPrimary: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  },
};

/**
 * antd's locale and theme (following the UI language) and its message/modal context, around every
 * screen drawn with antd. Not in the entry, nor in the signed-in shell and the home page's first
 * screen, which are drawn without antd: it loads with what needs it (lazy-with-antd.tsx).
 */
export function AntdShell({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
