import type { ImportReport } from '@fengqiao/shared';
import { MAX_HEADER_ROW } from '@fengqiao/shared/rules';
import { Alert, Button, Flex, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkMapping,
  columnLetter,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  isRequired,
} from './fields';
import { formatCount } from './format';

const NOT_IMPORTED = -1;

/** Fewer columns than 住址, 姓名 and 身份证号: the row taken as the header is likely a title. */
const MIN_COLUMNS = 3;

interface MappingStepProps {
  header: readonly string[];
  /** The header's row in the file (1-based), as the server found or was told it. */
  headerRow: number;
  /** Take another row as the header; the server suggests the mapping again. */
  onHeaderRow: (row: number) => void;
  mapping: ImportMapping;
  /** The dry run made with the mapping as it is now; null when the mapping changed since. */
  checked: ImportReport | null;
  /** True when the server could not suggest the required columns itself. */
  manual: boolean;
  /** Required fields the server found no column for in the header (its 422 said so). */
  unrecognized: readonly ImportField[];
  /** The server's objections to the last mapping sent. */
  serverProblems: readonly string[];
  busy: boolean;
  onChange: (mapping: ImportMapping) => void;
  onRecheck: () => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: which column of the file holds each field; the server's suggestion, editable. */
export function MappingStep(props: MappingStepProps) {
  const { header, mapping, checked, manual, unrecognized, serverProblems, busy, onChange } = props;
  const { t } = useTranslation();
  const check = checkMapping(mapping);
  const [row, setRow] = useState<number | null>(props.headerRow);
  useEffect(() => setRow(props.headerRow), [props.headerRow]);
  const rowChanged = row !== null && row !== props.headerRow;
  const applyRow = () => {
    if (rowChanged && !busy) props.onHeaderRow(row);
  };
  const columnName = (i: number) =>
    t('householdImport.columnOption', {
      letter: columnLetter(i),
      name: header[i] || t('householdImport.emptyHeader'),
    });
  const options = [
    { value: NOT_IMPORTED, label: t('householdImport.notImported') },
    ...header.map((_h, i) => ({ value: i, label: columnName(i) })),
  ];
  const localProblems = [
    ...check.missing.map((f) =>
      t(
        f === 'community' || f === 'room'
          ? 'householdImport.missingRequiredOrAddress'
          : 'householdImport.missingRequired',
        {
          field: t(`householdImport.fields.${f}`),
        },
      ),
    ),
    ...(check.besideAddress.length
      ? [
          t('householdImport.besideAddress', {
            fields: check.besideAddress.map((f) => t(`householdImport.fields.${f}`)).join('、'),
          }),
        ]
      : []),
    ...[...check.duplicates].map((c) => t('householdImport.duplicateColumn', { column: columnName(c) })),
    ...(check.lngLatUnpaired ? [t('householdImport.lngLatPair')] : []),
  ];
  const problems = localProblems.length ? localProblems : [...serverProblems];

  const columns: ColumnsType<{ field: ImportField }> = [
    {
      title: t('householdImport.field'),
      dataIndex: 'field',
      width: 200,
      render: (field: ImportField) => (
        <Flex gap={6} align="center">
          <span>{t(`householdImport.fields.${field}`)}</span>
          {isRequired(field, mapping) ? (
            <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
              {t('householdImport.required')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('householdImport.fileColumn'),
      dataIndex: 'field',
      key: 'column',
      render: (field: ImportField) => {
        const column = mapping[field];
        const bad =
          check.missing.includes(field) ||
          check.besideAddress.includes(field) ||
          (column !== null && check.duplicates.has(column)) ||
          ((field === 'lng' || field === 'lat') && check.lngLatUnpaired);
        return (
          <Select<number>
            value={column ?? NOT_IMPORTED}
            options={options}
            onChange={(value) => onChange({ ...mapping, [field]: value === NOT_IMPORTED ? null : value })}
            status={bad ? 'error' : undefined}
            disabled={busy}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 280, maxWidth: '100%' }}
            aria-label={t(`householdImport.fields.${field}`)}
            data-testid={`import-mapping-${field}`}
          />
        );
      },
    },
    {
      title: t('householdImport.hint'),
      dataIndex: 'field',
      key: 'hint',
      responsive: ['md'],
      render: (field: ImportField) => (
        <Typography.Text type="secondary">{t(`householdImport.hints.${field}`)}</Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap data-testid="import-header-row">
        <Typography.Text>{t('householdImport.headerRowLabel')}</Typography.Text>
        <Space.Compact>
          <InputNumber<number>
            min={1}
            max={MAX_HEADER_ROW}
            precision={0}
            value={row}
            onChange={setRow}
            onPressEnter={applyRow}
            disabled={busy}
            aria-label={t('householdImport.headerRowLabel')}
            style={{ width: 96 }}
            data-testid="import-header-row-input"
          />
          <Button onClick={applyRow} disabled={busy || !rowChanged} data-testid="import-header-row-apply">
            {t('householdImport.headerRowApply')}
          </Button>
        </Space.Compact>
        <Typography.Text type="secondary">{t('householdImport.headerRowHint')}</Typography.Text>
      </Flex>
      {header.length < MIN_COLUMNS ? (
        <Alert
          type="warning"
          showIcon
          title={t('householdImport.tooFewColumns', { count: header.length })}
          data-testid="import-too-few-columns"
        />
      ) : null}
      <Alert
        type={manual ? 'warning' : 'info'}
        showIcon
        title={manual ? t('householdImport.mappingManual') : t('householdImport.mappingIntro')}
        description={
          manual && unrecognized.length
            ? t('householdImport.mappingUnrecognized', {
                fields: unrecognized.map((f) => t(`householdImport.fields.${f}`)).join('、'),
              })
            : undefined
        }
        data-testid="import-mapping-intro"
      />
      <Table<{ field: ImportField }>
        rowKey="field"
        size="small"
        columns={columns}
        dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="import-mapping-table"
      />
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          title={t('householdImport.mappingProblems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="import-mapping-problems"
        />
      ) : checked ? (
        <Typography.Text type="secondary" data-testid="import-mapping-checked">
          {t('householdImport.checkedNote', {
            rows: formatCount(checked.rowsRead),
            valid: formatCount(checked.validRows),
            invalid: formatCount(checked.invalidRows),
          })}
        </Typography.Text>
      ) : (
        <Typography.Text type="warning">{t('householdImport.uncheckedNote')}</Typography.Text>
      )}
      <Flex justify="space-between" gap={8} wrap>
        <Button onClick={props.onBack} disabled={busy}>
          {t('householdImport.prev')}
        </Button>
        <Flex gap={8} wrap>
          <Button
            onClick={props.onRecheck}
            disabled={busy || localProblems.length > 0}
            data-testid="import-recheck"
          >
            {t('householdImport.recheck')}
          </Button>
          <Button
            type="primary"
            onClick={props.onNext}
            disabled={busy || localProblems.length > 0}
            data-testid="import-mapping-next"
          >
            {t('householdImport.next')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
