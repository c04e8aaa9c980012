import type { RELATIONS, RESIDENCE_TYPES, Resident, ResidentTag } from '@fengqiao/shared';
import { normalizeIdCard } from '@fengqiao/shared/rules';
import { Col, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useAddResident } from '../queries';
import { idCardRules, nameRules, phoneRules } from '../resident-rules';
import { ResidentCategoryFields } from './resident-category-fields';

interface Values {
  name: string;
  idCard: string;
  phone?: string;
  relation: (typeof RELATIONS)[number];
  residenceType: (typeof RESIDENCE_TYPES)[number];
  tags: ResidentTag[];
}

const FIELDS = ['name', 'idCard', 'phone', 'relation', 'residenceType', 'tags'];
const CODE_FIELDS = { resident_exists: 'idCard', invalid_id_card: 'idCard', invalid_phone: 'phone' };

/** 登记人员 into a household. The ID number is checked here for speed and by the server for real. */
export function ResidentAddModal({
  householdId,
  open,
  hasHead,
  onClose,
  onAdded,
}: {
  householdId: string;
  open: boolean;
  /** Whether the household already has a 户主 (then a new member defaults to 子女, not 户主). */
  hasHead: boolean;
  onClose: () => void;
  onAdded: (resident: Resident) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const sensitive = can('resident.sensitive');
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const add = useAddResident();

  // Each opening starts from the current initial values, even when reopened before the close
  // animation has unmounted the previous form.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: Values) {
    await modal.run(
      async () => {
        const phone = values.phone?.trim();
        onAdded(
          await add.mutateAsync({
            householdId,
            body: {
              name: values.name.trim(),
              idCard: normalizeIdCard(values.idCard),
              ...(phone ? { phone } : {}),
              relation: values.relation,
              residenceType: values.residenceType,
              tags: values.tags ?? [],
            },
          }),
        );
      },
      (err) => applyProblemToForm(form, err, FIELDS, CODE_FIELDS),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('households.addResidentTitle')}
      onCancel={onClose}
      okText={t('households.addResidentSubmit')}
      modal={modal}
      submitTestId="resident-add-submit"
    >
      <Form<Values>
        id={modal.formId}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ relation: hasHead ? '子女' : '户主', residenceType: '户籍', tags: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="name" label={t('households.name')} rules={nameRules()}>
              <Input maxLength={40} autoComplete="off" autoFocus data-testid="resident-add-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="idCard"
              label={t('households.idCard')}
              rules={idCardRules()}
              validateDebounce={300}
              extra={t('households.idCardHelp')}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                inputMode="text"
                style={{ fontFamily: 'monospace' }}
                data-testid="resident-add-idcard"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="phone" label={t('households.phoneOptional')} rules={phoneRules()}>
          <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="resident-add-phone" />
        </Form.Item>
        <ResidentCategoryFields testIdPrefix="resident-add" sensitive={sensitive} />
      </Form>
    </FormModal>
  );
}
