import {
  CheckOutlined,
  ClearOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VertexRef } from './shape';

/** The editor's buttons and a line saying what a click does now. */
export function EditorToolbar({
  drawing,
  hasShape,
  canUndo,
  selected,
  onDraw,
  onFinish,
  onCancel,
  onUndo,
  onRemoveVertex,
  onRemovePart,
  onClear,
}: {
  drawing: boolean;
  hasShape: boolean;
  canUndo: boolean;
  selected: VertexRef | null;
  onDraw: () => void;
  onFinish: () => void;
  onCancel: () => void;
  onUndo: () => void;
  onRemoveVertex: () => void;
  onRemovePart: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Flex wrap gap={8}>
        {drawing ? (
          <>
            <Button type="primary" icon={<CheckOutlined />} onClick={onFinish} data-testid="boundary-finish">
              {t('orgs.editor.finish')}
            </Button>
            <Button icon={<CloseOutlined />} onClick={onCancel} data-testid="boundary-cancel-drawing">
              {t('orgs.editor.cancel')}
            </Button>
          </>
        ) : (
          <Button icon={<EditOutlined />} onClick={onDraw} data-testid="boundary-draw">
            {hasShape ? t('orgs.editor.addPart') : t('orgs.editor.draw')}
          </Button>
        )}
        <Button icon={<UndoOutlined />} disabled={!canUndo} onClick={onUndo} data-testid="boundary-undo">
          {t('orgs.editor.undo')}
        </Button>
        {selected && !drawing ? (
          <>
            <Button icon={<DeleteOutlined />} onClick={onRemoveVertex} data-testid="boundary-remove-vertex">
              {t('orgs.editor.removeVertex')}
            </Button>
            <Button danger onClick={onRemovePart} data-testid="boundary-remove-part">
              {t('orgs.editor.removePart')}
            </Button>
          </>
        ) : null}
        {hasShape && !drawing ? (
          <Popconfirm title={t('orgs.editor.clearConfirm')} onConfirm={onClear}>
            <Button icon={<ClearOutlined />} data-testid="boundary-clear">
              {t('orgs.editor.clear')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="boundary-hint">
        {drawing
          ? t('orgs.editor.drawingHint')
          : hasShape
            ? t('orgs.editor.editHint')
            : t('orgs.editor.emptyHint')}
      </Typography.Text>
    </Flex>
  );
}
