import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/use-language';
import { relationOptions, residenceOptions, tagOptions } from '../labels';

/** Relation, residence type and tags: the same three fields when adding and when editing a resident. */
export function ResidentCategoryFields({
  testIdPrefix,
  sensitive,
}: {
  testIdPrefix: string;
  sensitive: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="relation" label={t('households.relation')} rules={[{ required: true }]}>
            <Select options={relationOptions(lang)} data-testid={`${testIdPrefix}-relation`} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="residenceType" label={t('households.residenceType')} rules={[{ required: true }]}>
            <Select options={residenceOptions(lang)} data-testid={`${testIdPrefix}-residence`} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="tags"
        label={t('households.tags')}
        extra={sensitive ? t('households.sensitiveTagHint') : undefined}
      >
        <Select
          mode="multiple"
          allowClear
          options={tagOptions(sensitive, lang)}
          placeholder={t('households.tagsPlaceholder')}
          data-testid={`${testIdPrefix}-tags`}
        />
      </Form.Item>
    </>
  );
}
