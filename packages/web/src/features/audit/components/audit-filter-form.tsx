import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from '../api';

interface Values {
  actor?: string;
  action?: string;
  result?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Actor, action, result and time range; Enter or the button applies them. */
export function AuditFilterForm({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const results = [
    { value: 'ok', label: `ok · ${t('audit.resultSuccess')}` },
    { value: 'failed', label: `failed · ${t('audit.resultFailure')}` },
    { value: 'denied', label: `denied · ${t('audit.resultDenied')}` },
  ];

  function apply(values: Values) {
    const [from, to] = values.range ?? [];
    onChange({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      result: values.result?.trim() || undefined,
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
    });
  }

  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={apply}
      onReset={() => onChange({})}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="actor">
        <Input
          allowClear
          placeholder={t('audit.actorPlaceholder')}
          style={{ width: 160 }}
          data-testid="audit-actor"
        />
      </Form.Item>
      <Form.Item name="action">
        <Input
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          style={{ width: 200 }}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="result">
        <AutoComplete
          allowClear
          options={results}
          placeholder={t('audit.resultPlaceholder')}
          style={{ width: 160 }}
          data-testid="audit-result"
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          style={{ maxWidth: '100%' }}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button htmlType="reset">{t('common.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
