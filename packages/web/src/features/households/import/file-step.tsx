import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { MAX_IMPORT_BYTES } from '@fengqiao/shared/rules';
import { Alert, App, Button, Flex, Radio, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../lib/download';
import type { CoordSystem } from './api';
import { csvBlob, csvLine, csvTextCell } from './csv';
import { templateRows } from './fields';
import { formatBytes } from './format';

const ACCEPT = '.xlsx,.csv';

function downloadTemplate(filename: string): void {
  const { header, example, textColumns } = templateRows();
  const exampleLine = example.map((v, i) => (textColumns.has(i) ? csvTextCell(v) : csvLine([v]))).join(',');
  saveBlob(csvBlob([csvLine(header), exampleLine]), filename);
}

interface FileStepProps {
  file: File | null;
  coordSystem: CoordSystem;
  busy: boolean;
  onFile: (file: File | null) => void;
  onCoordSystem: (value: CoordSystem) => void;
  onNext: () => void;
}

/** Step 1: the file (kept in the browser until a step sends it), its coordinate system, the template. */
export function FileStep({ file, coordSystem, busy, onFile, onCoordSystem, onNext }: FileStepProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  function accept(candidate: File): boolean {
    if (!/\.(xlsx|csv)$/i.test(candidate.name)) {
      message.error(t('householdImport.wrongType'));
      return false;
    }
    if (candidate.size > MAX_IMPORT_BYTES) {
      message.error(t('householdImport.tooLarge'));
      return false;
    }
    return true;
  }

  return (
    <Flex vertical gap={16}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          maxCount={1}
          disabled={busy}
          fileList={
            file
              ? [{ uid: 'import-file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }]
              : []
          }
          beforeUpload={(candidate) => {
            if (accept(candidate)) onFile(candidate);
            // Never upload here: the file is sent by the steps that need it.
            return Upload.LIST_IGNORE;
          }}
          onRemove={() => {
            onFile(null);
            return true;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('householdImport.dropHint')}</p>
          <p className="ant-upload-hint">{t('householdImport.dropFormats')}</p>
        </Upload.Dragger>
      </div>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('householdImport.coordSystem')}</Typography.Text>
        <Radio.Group
          value={coordSystem}
          onChange={(e) => onCoordSystem(e.target.value as CoordSystem)}
          disabled={busy}
          options={[
            { value: 'wgs84', label: t('householdImport.wgs84') },
            { value: 'gcj02', label: t('householdImport.gcj02') },
          ]}
          data-testid="import-coord-system"
        />
      </Flex>
      <Alert
        type="info"
        showIcon
        title={t('householdImport.columnsTitle')}
        description={
          <Flex vertical gap={8} align="flex-start">
            <span>{t('householdImport.columnsNote')}</span>
            <span>{t('householdImport.columnsNote2')}</span>
            <Flex gap={8} align="center" wrap>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadTemplate(t('householdImport.templateName'))}
                data-testid="import-template"
              >
                {t('householdImport.template')}
              </Button>
              <Typography.Text type="secondary">{t('householdImport.templateNote')}</Typography.Text>
            </Flex>
          </Flex>
        }
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          disabled={!file}
          loading={busy}
          onClick={onNext}
          data-testid="import-file-next"
        >
          {t('householdImport.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
