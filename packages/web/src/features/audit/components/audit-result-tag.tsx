import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const RESULT_COLORS: Record<string, string> = { ok: 'green', failed: 'red', denied: 'orange' };
const RESULT_LABEL_KEYS: Record<
  string,
  'audit.resultSuccess' | 'audit.resultFailure' | 'audit.resultDenied'
> = {
  ok: 'audit.resultSuccess',
  failed: 'audit.resultFailure',
  denied: 'audit.resultDenied',
};

/** 成功 / 失败 / 拒绝 in their colours. */
export function AuditResultTag({ result }: { result: string }) {
  const { t } = useTranslation();
  const key = RESULT_LABEL_KEYS[result];
  return <Tag color={RESULT_COLORS[result] ?? 'default'}>{key ? t(key) : result}</Tag>;
}
