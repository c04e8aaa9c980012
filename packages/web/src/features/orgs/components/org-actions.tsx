import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgUnit, OrgUnitDetail } from '@fengqiao/shared';
import { CHILD_KIND } from '@fengqiao/shared/rules';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { serverMessage } from '../../../lib/i18n/server-message';
import { useLanguage } from '../../../lib/i18n/use-language';
import { orgKindLabel } from '../../../lib/labels';
import { useDeleteOrgUnit } from '../queries';
import { OrgBoundaryModal } from './org-boundary-modal';
import { OrgCreateModal } from './org-create-modal';
import { OrgRenameModal } from './org-rename-modal';

type Dialog = 'create' | 'rename' | 'boundary' | null;

/**
 * Write actions on a unit (shown only with org.write); their writes refresh the tree and maps.
 * `onChanged` gets the unit to select next. 删除 is disabled, with the server's reason, where the
 * server would refuse it.
 */
export function OrgActions({
  unit,
  undeletableReason,
  onChanged,
}: {
  unit: OrgUnit;
  undeletableReason: OrgUnitDetail['undeletableReason'];
  onChanged: (selectId: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const deleteUnit = useDeleteOrgUnit();
  const childKind = CHILD_KIND[unit.kind];
  const canHaveBoundary = unit.kind === 'grid' || unit.kind === 'community';
  const close = () => setDialog(null);

  async function remove() {
    try {
      await deleteUnit.mutateAsync(unit.id);
      message.success(t('orgs.deleted'));
      onChanged(unit.parentId);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <>
      {childKind ? (
        <Button
          icon={<PlusOutlined />}
          type="primary"
          onClick={() => setDialog('create')}
          data-testid="org-create"
        >
          {t('orgs.createChild', { kind: orgKindLabel(childKind, lang) })}
        </Button>
      ) : null}
      <Button icon={<EditOutlined />} onClick={() => setDialog('rename')} data-testid="org-rename">
        {t('orgs.rename')}
      </Button>
      {canHaveBoundary ? (
        <Button
          icon={<EnvironmentOutlined />}
          onClick={() => setDialog('boundary')}
          data-testid="org-boundary"
        >
          {t('orgs.editBoundary')}
        </Button>
      ) : null}
      {undeletableReason ? (
        <Tooltip title={serverMessage(undeletableReason)}>
          <Button
            danger
            disabled
            icon={<DeleteOutlined />}
            aria-description={serverMessage(undeletableReason)}
            data-testid="org-delete"
          >
            {t('common.delete')}
          </Button>
        </Tooltip>
      ) : (
        <Popconfirm
          title={t('common.confirmTitle')}
          description={t('orgs.deleteConfirm', { name: unit.name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={remove}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="org-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      <OrgCreateModal
        parent={unit}
        open={dialog === 'create'}
        onClose={close}
        onCreated={(created) => {
          close();
          message.success(t('orgs.created'));
          onChanged(created.id);
        }}
      />
      <OrgRenameModal
        unit={unit}
        open={dialog === 'rename'}
        onClose={close}
        onSaved={() => {
          close();
          message.success(t('common.saved'));
          onChanged(unit.id);
        }}
      />
      {canHaveBoundary ? (
        <OrgBoundaryModal
          unit={unit}
          open={dialog === 'boundary'}
          onClose={close}
          onSaved={() => {
            close();
            message.success(t('common.saved'));
            onChanged(unit.id);
          }}
        />
      ) : null}
    </>
  );
}
