import type { HouseholdFile, HouseholdSummary } from '@fengqiao/shared';
import { Alert, Form, Modal } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { submitButtonProps } from '../../../lib/modal-form';
import { updateHousehold } from '../api';
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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  // Each opening starts from the current initial values, even when reopened before the close
  // animation has unmounted the previous form.
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: LocationValues) {
    setSubmitting(true);
    setError(null);
    try {
      onSaved(await updateHousehold(household.id, locationBody(values)));
    } catch (err) {
      setError(applyProblemToForm(form, err, FIELDS, CODE_FIELDS));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('households.editLocationTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={submitButtonProps(formId, submitting, 'household-location-submit')}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<LocationValues>
        id={formId}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ lng: household.lng, lat: household.lat, coordSystem: 'wgs84' }}
        onFinish={(v) => void submit(v)}
      >
        <LocationFields form={form} required testIdPrefix="household-location" />
      </Form>
    </Modal>
  );
}
