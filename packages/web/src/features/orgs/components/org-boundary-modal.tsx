import type { OrgUnit } from '@fengqiao/shared';
import { Col, Empty, Form, Input, Row, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { parseBoundary } from '../../../lib/geo';
import { AreaMap } from '../../map';
import { singleUnit } from '../org-features';
import { useUpdateOrgUnit } from '../queries';

interface Values {
  boundary: string;
}

/** Edits a grid's or community's boundary as GeoJSON text, with a live map preview. */
export function OrgBoundaryModal({
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
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const update = useUpdateOrgUnit();
  const initial = useMemo(
    () => (unit.boundary ? JSON.stringify(unit.boundary, null, 2) : ''),
    [unit.boundary],
  );
  const text = Form.useWatch('boundary', form) ?? initial;
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parseBoundary(deferred), [deferred]);
  const preview = useMemo(() => (parsed.ok ? singleUnit(unit, parsed.geometry) : undefined), [parsed, unit]);

  async function submit(values: Values) {
    const result = parseBoundary(values.boundary ?? '');
    if (!result.ok) return;
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: unit.id, body: { boundary: result.geometry } }));
      },
      (err) => applyProblemToForm(form, err, ['boundary'], { invalid_boundary: 'boundary' }),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('orgs.boundaryTitle', { name: unit.name })}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="org-boundary-submit"
      width={960}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11}>
          <Form<Values>
            id={modal.formId}
            form={form}
            layout="vertical"
            initialValues={{ boundary: initial }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="boundary"
              label={t('orgs.boundary')}
              extra={t('orgs.boundaryHelp')}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    const result = parseBoundary(value ?? '');
                    if (result.ok) return;
                    throw new Error(
                      result.reason === 'json'
                        ? t('orgs.boundaryInvalidJson', { message: result.message })
                        : t('orgs.boundaryInvalidType'),
                    );
                  },
                },
              ]}
            >
              <Input.TextArea
                rows={16}
                spellCheck={false}
                style={{ fontFamily: 'monospace', fontSize: 12 }}
                data-testid="org-boundary-input"
              />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} md={13}>
          <Typography.Text strong>{t('orgs.preview')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {preview?.features.length ? (
              <AreaMap testId="boundary-preview" data={preview} height={360} />
            ) : (
              <Empty description={t('orgs.previewEmpty')} style={{ padding: '96px 0' }} />
            )}
          </div>
        </Col>
      </Row>
    </FormModal>
  );
}
