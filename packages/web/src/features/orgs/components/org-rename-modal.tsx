import type { OrgUnit } from '@fengqiao/shared';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useUpdateOrgUnit } from '../queries';

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
  const modal = useModalForm();
  const update = useUpdateOrgUnit();

  async function submit({ name }: { name: string }) {
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: unit.id, body: { name: name.trim() } }));
      },
      (err) => applyProblemToForm(form, err, ['name']),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('orgs.renameTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="org-rename-submit"
    >
      <Form
        id={modal.formId}
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
    </FormModal>
  );
}
