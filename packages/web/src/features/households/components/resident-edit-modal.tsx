import type { RELATIONS, RESIDENCE_TYPES, Resident, ResidentTag, ResidentUpdate } from '@fengqiao/shared';
import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useUpdateResident } from '../queries';
import { nameRules, phoneRules } from '../resident-rules';
import { ResidentCategoryFields } from './resident-category-fields';

interface Values {
  name: string;
  phone?: string;
  clearPhone: boolean;
  relation: (typeof RELATIONS)[number];
  residenceType: (typeof RESIDENCE_TYPES)[number];
  tags: ResidentTag[];
}

const FIELDS = ['name', 'phone', 'relation', 'residenceType', 'tags'];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Edits a member. The ID number cannot change (it is the person); the phone is only ever shown
 * masked, so it is left empty to keep it, typed anew to replace it, or cleared with the checkbox.
 */
export function ResidentEditModal({
  resident,
  onClose,
  onSaved,
}: {
  resident: Resident | null;
  onClose: () => void;
  onSaved: (resident: Resident) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const sensitive = can('resident.sensitive');
  const [form] = Form.useForm<Values>();
  const clearPhone = Form.useWatch('clearPhone', form);
  const modal = useModalForm();
  const update = useUpdateResident();

  // Each opening starts from the current initial values, even when reopened before the close
  // animation has unmounted the previous form.
  useEffect(() => {
    if (resident) form.resetFields();
  }, [resident, form]);

  async function submit(values: Values) {
    if (!resident) return;
    const body: ResidentUpdate = {};
    if (values.name.trim() !== resident.name) body.name = values.name.trim();
    if (values.clearPhone) body.phone = null;
    else if (values.phone?.trim()) body.phone = values.phone.trim();
    if (values.relation !== resident.relation) body.relation = values.relation;
    if (values.residenceType !== resident.residenceType) body.residenceType = values.residenceType;
    if (!sameSet(values.tags ?? [], resident.tags)) body.tags = values.tags ?? [];
    if (!Object.keys(body).length) {
      onClose();
      return;
    }
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: resident.id, body }));
      },
      (err) => applyProblemToForm(form, err, FIELDS, { invalid_phone: 'phone' }),
    );
  }

  return (
    <FormModal
      open={!!resident}
      title={t('households.editResidentTitle', { name: resident?.name ?? '' })}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="resident-edit-submit"
    >
      {resident ? (
        <Form<Values>
          id={modal.formId}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            name: resident.name,
            clearPhone: false,
            relation: resident.relation,
            residenceType: resident.residenceType,
            tags: resident.tags,
          }}
          onFinish={(v) => void submit(v)}
        >
          <Row gutter={12}>
            <Col xs={24} sm={10}>
              <Form.Item name="name" label={t('households.name')} rules={nameRules()}>
                <Input maxLength={40} autoComplete="off" data-testid="resident-edit-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={14}>
              <Form.Item label={t('households.idCard')} extra={t('households.idCardFixed')}>
                <Input value={resident.idCardMasked} disabled />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="phone"
            label={t('households.phone')}
            rules={phoneRules()}
            extra={
              resident.phoneMasked
                ? t('households.phoneKeep', { masked: resident.phoneMasked })
                : t('households.phoneNone')
            }
          >
            <Input
              maxLength={20}
              inputMode="tel"
              autoComplete="off"
              disabled={!!clearPhone}
              placeholder={resident.phoneMasked ?? undefined}
              data-testid="resident-edit-phone"
            />
          </Form.Item>
          {resident.phoneMasked ? (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox data-testid="resident-edit-clear-phone">{t('households.phoneClear')}</Checkbox>
            </Form.Item>
          ) : null}
          <ResidentCategoryFields testIdPrefix="resident-edit" sensitive={sensitive} />
        </Form>
      ) : null}
    </FormModal>
  );
}
