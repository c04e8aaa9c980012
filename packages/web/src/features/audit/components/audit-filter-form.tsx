import { SearchOutlined } from '@ant-design/icons';
import type { AuditActionGroup } from '@fengqiao/shared';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/use-language';
import type { AuditFilters } from '../api';
import { auditActionOptions, auditGroupOptions } from '../audit-labels';

interface Values {
  actor?: string;
  group?: AuditActionGroup;
  action?: string;
  result?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Actor, action, result and time range; Enter or the button applies them. */
export function AuditFilterForm({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
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
      group: values.group || undefined,
      action: values.action || undefined,
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
      <Form.Item name="group">
        <Select
          allowClear
          options={auditGroupOptions(lang)}
          placeholder={t('audit.groupPlaceholder')}
          style={{ width: 160 }}
          data-testid="audit-group"
        />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={auditActionOptions(lang)}
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
