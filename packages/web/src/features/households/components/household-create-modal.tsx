import type { HouseholdFile } from '@fengqiao/shared';
import { AutoComplete, Col, Form, Input, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { applyAddressProblem } from '../form-errors';
import { useCreateHousehold } from '../queries';
import { LocationFields, type LocationValues, locationBody } from './location-fields';

interface Values extends LocationValues {
  community: string;
  street: string;
  building?: string;
  unit?: string;
  room: string;
}

const FIELDS = ['community', 'street', 'building', 'unit', 'room', 'lng', 'lat', 'coordSystem'];
const CODE_FIELDS = {
  household_exists: 'room',
  invalid_coordinates: 'lng',
  outside_china: 'lng',
  outside_scope: 'lng',
};

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** 新建住户: the address (one household per address), and optionally where it is. */
export function HouseholdCreateModal({
  open,
  defaultCommunity,
  communities = [],
  onClose,
  onCreated,
}: {
  open: boolean;
  defaultCommunity?: string;
  /** Names offered for the community field (it stays free text). */
  communities?: readonly string[];
  onClose: () => void;
  onCreated: (file: HouseholdFile) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const create = useCreateHousehold();

  // Each opening starts from the current initial values, even when reopened before the close
  // animation has unmounted the previous form.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: Values) {
    await modal.run(
      async () => {
        const building = optional(values.building);
        const unit = optional(values.unit);
        onCreated(
          await create.mutateAsync({
            address: {
              community: values.community.trim(),
              street: values.street.trim(),
              ...(building ? { building } : {}),
              ...(unit ? { unit } : {}),
              room: values.room.trim(),
            },
            ...locationBody(values),
          }),
        );
      },
      (err) => applyAddressProblem(form, err, FIELDS, CODE_FIELDS),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('households.createTitle')}
      onCancel={onClose}
      okText={t('common.create')}
      modal={modal}
      submitTestId="household-create-submit"
    >
      <Form<Values>
        id={modal.formId}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ coordSystem: 'wgs84', community: defaultCommunity }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="community"
              label={t('households.community')}
              rules={[{ required: true, whitespace: true, message: t('households.communityRequired') }]}
            >
              <AutoComplete
                options={communities.map((value) => ({ value }))}
                filterOption={(input, option) => !!option?.value.includes(input)}
              >
                <Input maxLength={40} data-testid="household-create-community" />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="street"
              label={t('households.street')}
              rules={[{ required: true, whitespace: true, message: t('households.streetRequired') }]}
            >
              <Input
                autoFocus
                maxLength={60}
                placeholder={t('households.streetPlaceholder')}
                data-testid="household-create-street"
              />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="building" label={t('households.building')}>
              <Input maxLength={20} data-testid="household-create-building" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="unit" label={t('households.unit')}>
              <Input maxLength={20} data-testid="household-create-unit" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item
              name="room"
              label={t('households.room')}
              rules={[{ required: true, whitespace: true, message: t('households.roomRequired') }]}
            >
              <Input maxLength={20} data-testid="household-create-room" />
            </Form.Item>
          </Col>
        </Row>
        <LocationFields form={form} testIdPrefix="household-create" />
      </Form>
    </FormModal>
  );
}
