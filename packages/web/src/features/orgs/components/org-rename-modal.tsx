import type { OrgUnit } from '@fengqiao/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { submitButtonProps } from '../../../lib/modal-form';
import { updateOrgUnit } from '../api';

/** Renames a unit. */
export function OrgRenameModal({
  unit,
  open,
  onClose,
  onSaved,
}: {
  unit: OrgUnit;
  open: boolean;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  async function submit({ name }: { name: string }) {
    setSubmitting(true);
    setError(null);
    try {
      onSaved(await updateOrgUnit(unit.id, { name: name.trim() }));
    } catch (err) {
      setError(applyProblemToForm(form, err, ['name']));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('orgs.renameTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={submitButtonProps(formId, submitting, 'org-rename-submit')}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        id={formId}
        form={form}
        layout="vertical"
        initialValues={{ name: unit.name }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
        >
          <Input maxLength={80} autoFocus data-testid="org-rename-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
