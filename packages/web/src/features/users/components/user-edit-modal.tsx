import type { Role, User, UserUpdate } from '@fengqiao/shared';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { OrgTreeSelect } from '../../orgs';
import { useUpdateUser } from '../queries';
import { roleRules } from '../role-rules';
import { RoleSelect } from './role-select';
import { WorkPhoneField } from './work-phone-field';

interface Values {
  displayName: string;
  roles: Role[];
  orgUnitId: string;
  scopeOrgId: string;
  workPhone?: string;
}

const FIELDS = ['displayName', 'roles', 'orgUnitId', 'scopeOrgId', 'workPhone'];

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

/**
 * Edits a user. Name, unit and scope need user.write; roles need user.assign_roles; only the
 * changed fields the caller may change are sent.
 */
export function UserEditModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('user.write');
  const canAssign = can('user.assign_roles');
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const update = useUpdateUser();

  async function submit(values: Values) {
    if (!user) return;
    const body: UserUpdate = {};
    if (canWrite && values.displayName.trim() !== user.displayName)
      body.displayName = values.displayName.trim();
    if (canWrite && values.orgUnitId !== user.orgUnitId) body.orgUnitId = values.orgUnitId;
    if (canWrite && values.scopeOrgId && values.scopeOrgId !== user.scopeOrgId)
      body.scopeOrgId = values.scopeOrgId;
    const workPhone = values.workPhone?.trim() || null;
    if (canWrite && workPhone !== user.workPhone) body.workPhone = workPhone;
    if (canAssign && !sameRoles(values.roles, user.roles)) body.roles = values.roles;
    if (!Object.keys(body).length) {
      onClose();
      return;
    }
    await modal.run(
      async () => {
        onSaved(await update.mutateAsync({ id: user.id, body }));
      },
      (err) => applyProblemToForm(form, err, FIELDS, { role_conflict: 'roles' }),
    );
  }

  return (
    <FormModal
      open={!!user}
      title={t('users.editTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="user-edit-submit"
    >
      {user ? (
        <Form<Values>
          id={modal.formId}
          form={form}
          layout="vertical"
          initialValues={{
            displayName: user.displayName,
            roles: user.roles,
            orgUnitId: user.orgUnitId,
            scopeOrgId: user.scopeOrgId,
            workPhone: user.workPhone ?? '',
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item label={t('users.username')}>
            <Input value={user.username} disabled />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
          >
            <Input maxLength={40} disabled={!canWrite} data-testid="user-edit-display-name" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={canAssign ? roleRules() : []}>
            <RoleSelect disabled={!canAssign} testId="user-edit-roles" />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('users.orgUnit')}
            rules={[{ required: true, message: t('users.orgUnitRequired') }]}
          >
            <OrgTreeSelect disabled={!canWrite} testId="user-edit-org" />
          </Form.Item>
          <Form.Item name="scopeOrgId" label={t('users.scope')}>
            <OrgTreeSelect disabled={!canWrite} testId="user-edit-scope" />
          </Form.Item>
          <WorkPhoneField disabled={!canWrite} testId="user-edit-work-phone" />
        </Form>
      ) : null}
    </FormModal>
  );
}
