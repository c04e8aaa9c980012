import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../api';

/** The new token, shown once, with a copy button and a warning. */
export function TokenCreatedResult({ created }: { created: CreatedToken }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong>{created.apiToken.name}</Typography.Paragraph>
      <Typography.Paragraph
        code
        copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ wordBreak: 'break-all' }}
        data-testid="token-value"
      >
        {created.token}
      </Typography.Paragraph>
    </>
  );
}
