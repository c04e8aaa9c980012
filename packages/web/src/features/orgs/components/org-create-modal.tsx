import type { OrgUnit } from '@fengqiao/shared';
import { CHILD_KIND } from '@fengqiao/shared/rules';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useLanguage } from '../../../lib/i18n/use-language';
import { orgKindLabel } from '../../../lib/labels';
import { useCreateOrgUnit } from '../queries';

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
  const modal = useModalForm();
  const create = useCreateOrgUnit();
  const kind = CHILD_KIND[parent.kind];
  if (!kind) return null;

  async function submit(values: Values) {
    if (!kind) return;
    await modal.run(
      async () => {
        const unit = await create.mutateAsync({
          parentId: parent.id,
          kind,
          code: values.code.trim(),
          name: values.name.trim(),
        });
        onCreated(unit);
      },
      (err) => applyProblemToForm(form, err, FIELDS, { org_code_taken: 'code' }),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('orgs.createTitle', { kind: orgKindLabel(kind, lang), parent: parent.name })}
      onCancel={onClose}
      okText={t('common.create')}
      modal={modal}
      submitTestId="org-create-submit"
    >
      <Form<Values> id={modal.formId} form={form} layout="vertical" onFinish={(v) => void submit(v)}>
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
    </FormModal>
  );
}
