import { CHILD_KIND, type OrgUnit } from '@fengqiao/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useLanguage } from '../../../lib/i18n/use-language';
import { orgKindLabel } from '../../../lib/labels';
import { submitButtonProps } from '../../../lib/modal-form';
import { createOrgUnit } from '../api';

interface Values {
  code: string;
  name: string;
}

const FIELDS = ['code', 'name'];

/** Creates a unit of the kind that sits under `parent` (station → community → grid). */
export function OrgCreateModal({
  parent,
  open,
  onClose,
  onCreated,
}: {
  parent: OrgUnit;
  open: boolean;
  onClose: () => void;
  onCreated: (unit: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();
  const kind = CHILD_KIND[parent.kind];
  if (!kind) return null;

  async function submit(values: Values) {
    if (!kind) return;
    setSubmitting(true);
    setError(null);
    try {
      const unit = await createOrgUnit({
        parentId: parent.id,
        kind,
        code: values.code.trim(),
        name: values.name.trim(),
      });
      onCreated(unit);
    } catch (err) {
      setError(applyProblemToForm(form, err, FIELDS, { org_code_taken: 'code' }));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('orgs.createTitle', { kind: orgKindLabel(kind, lang), parent: parent.name })}
      onCancel={onClose}
      okText={t('common.create')}
      okButtonProps={submitButtonProps(formId, submitting, 'org-create-submit')}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> id={formId} form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          rules={[
            { required: true, whitespace: true, message: t('orgs.codeRequired') },
            { pattern: /^[A-Za-z0-9_-]+$/, message: t('orgs.codePattern') },
          ]}
        >
          <Input maxLength={40} autoFocus data-testid="org-create-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
        >
          <Input maxLength={80} data-testid="org-create-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
