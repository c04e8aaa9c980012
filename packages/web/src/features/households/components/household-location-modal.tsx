import type { HouseholdFile, HouseholdSummary } from '@fengqiao/shared';
import { Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useUpdateHousehold } from '../queries';
import { LocationFields, type LocationValues, locationBody } from './location-fields';

const FIELDS = ['lng', 'lat', 'coordSystem'];
const CODE_FIELDS = { invalid_coordinates: 'lng', outside_china: 'lng', outside_scope: 'lng' };

/** 修改位置: moving the point re-places the household in the grid it falls in. */
export function HouseholdLocationModal({
  household,
  open,
  onClose,
  onSaved,
}: {
  household: HouseholdSummary;
  open: boolean;
  onClose: () => void;
  onSaved: (file: HouseholdFile) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LocationValues>();
  const modal = useModalForm();
  const update = useUpdateHousehold();

  // Each opening starts from the current initial values, even when reopened before the close
  // animation has unmounted the previous form.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: LocationValues) {
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: household.id, body: locationBody(values) }));
      },
      (err) => applyProblemToForm(form, err, FIELDS, CODE_FIELDS),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('households.editLocationTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="household-location-submit"
    >
      <Form<LocationValues>
        id={modal.formId}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ lng: household.lng, lat: household.lat, coordSystem: 'wgs84' }}
        onFinish={(v) => void submit(v)}
      >
        <LocationFields form={form} required testIdPrefix="household-location" />
      </Form>
    </FormModal>
  );
}
