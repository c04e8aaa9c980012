import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { OrgUnit } from '@fengqiao/shared';
import { Alert, App, Button, Collapse, Flex, Form, Grid, Input, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { type Area, isArea, parseBoundary } from '../../../lib/geo';
import { BoundaryEditor, type BoundaryProblem } from '../../map';
import { downloadBoundary } from '../boundary/boundary-file';
import { boundaryProblems } from '../boundary/boundary-problems';
import { siblingsOf } from '../boundary/boundary-siblings';
import { useOrgGeojsonQuery, useUpdateOrgUnit } from '../queries';

interface Values {
  boundary: string;
}

const textOf = (area: Area | null) => (area ? JSON.stringify(area, null, 2) : '');

/**
 * Draws and edits a grid's or community's boundary on the map, snapping to its siblings; the
 * GeoJSON text stays under 高级 for pasting, with import from and export to a file.
 */
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
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const stored = isArea(unit.boundary) ? unit.boundary : null;
  const initial = useMemo(() => textOf(stored), [stored]);
  const [area, setArea] = useState<Area | null>(stored);
  const [problems, setProblems] = useState<BoundaryProblem[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  const update = useUpdateOrgUnit();
  const all = useOrgGeojsonQuery(unit.kind, open);
  const neighbours = useMemo(() => siblingsOf(unit, all.data), [unit, all.data]);

  // Each opening starts from the stored boundary.
  useEffect(() => {
    if (!open) return;
    setArea(stored);
    setProblems([]);
    form.setFieldsValue({ boundary: initial });
  }, [open, stored, initial, form]);

  function fromEditor(next: Area | null) {
    setArea(next);
    setProblems([]);
    form.setFields([{ name: 'boundary', value: textOf(next), errors: [] }]);
  }

  function fromText(text: string) {
    const parsed = parseBoundary(text);
    if (parsed.ok) setArea(parsed.geometry);
    setProblems([]);
  }

  async function importFile(file: File) {
    const text = await file.text();
    const parsed = parseBoundary(text);
    if (!parsed.ok) {
      message.error(
        t('orgs.editor.importFailed', { message: parsed.message || t('orgs.boundaryInvalidType') }),
      );
      return;
    }
    fromEditor(parsed.geometry);
    message.success(t('orgs.editor.imported', { name: file.name }));
  }

  async function submit(values: Values) {
    const result = parseBoundary(values.boundary ?? '');
    if (!result.ok) return;
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: unit.id, body: { boundary: result.geometry } }));
      },
      (err) => {
        if (err instanceof ApiError) setProblems(boundaryProblems(err.problem, result.geometry));
        return applyProblemToForm(form, err, ['boundary'], { invalid_boundary: 'boundary' });
      },
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
      <BoundaryEditor
        testId="boundary-editor"
        value={area}
        onChange={fromEditor}
        neighbours={neighbours}
        problems={problems}
        height={screens.md ? 440 : 320}
      />
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="boundary-server-problems"
          title={t('orgs.editor.serverProblems')}
          description={problems.map((p) => p.message).join('；')}
        />
      ) : null}
      <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
        {neighbours?.features.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 'auto' }}>
            {t('orgs.editor.neighbours')}
          </Typography.Text>
        ) : (
          <span style={{ marginRight: 'auto' }} />
        )}
        <input
          ref={fileRef}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          hidden
          data-testid="boundary-import-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <Button
          icon={<UploadOutlined />}
          onClick={() => fileRef.current?.click()}
          data-testid="boundary-import"
        >
          {t('orgs.editor.importFile')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={!area}
          onClick={() => area && downloadBoundary(unit, area)}
          data-testid="boundary-export"
        >
          {t('orgs.editor.exportFile')}
        </Button>
      </Flex>
      <Form<Values>
        id={modal.formId}
        form={form}
        layout="vertical"
        initialValues={{ boundary: initial }}
        onFinish={(v) => void submit(v)}
        style={{ marginTop: 8 }}
      >
        <Collapse
          size="small"
          items={[
            {
              key: 'geojson',
              label: t('orgs.editor.advanced'),
              forceRender: true,
              children: (
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
                    rows={10}
                    spellCheck={false}
                    style={{ fontFamily: 'monospace', fontSize: 12 }}
                    data-testid="org-boundary-input"
                    onChange={(event) => fromText(event.target.value)}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </FormModal>
  );
}
