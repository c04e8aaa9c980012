import type { Role, User } from '@fengqiao/shared';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { OrgTreeSelect } from '../../orgs';
import { useCreateUser } from '../queries';
import { passwordRules, roleRules, usernameRules } from '../role-rules';
import { RoleSelect } from './role-select';
import { WorkPhoneField } from './work-phone-field';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  orgUnitId: string;
  scopeOrgId?: string;
  workPhone?: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'orgUnitId', 'scopeOrgId', 'workPhone'];
const CODE_FIELDS = { username_taken: 'username', weak_password: 'password', role_conflict: 'roles' };

/** New account: roles, unit, optional data scope, initial password. */
export function UserCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const scope = useOrgScope();
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const create = useCreateUser();

  async function submit(values: Values) {
    await modal.run(
      async () => {
        const user = await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: values.roles,
          orgUnitId: values.orgUnitId,
          ...(values.scopeOrgId ? { scopeOrgId: values.scopeOrgId } : {}),
          ...(values.workPhone?.trim() ? { workPhone: values.workPhone.trim() } : {}),
        });
        onCreated(user);
      },
      (err) => applyProblemToForm(form, err, FIELDS, CODE_FIELDS),
    );
  }

  return (
    <FormModal
      open={open}
      title={t('users.createTitle')}
      onCancel={onClose}
      okText={t('common.create')}
      modal={modal}
      submitTestId="user-create-submit"
    >
      <Form<Values>
        id={modal.formId}
        form={form}
        layout="vertical"
        initialValues={{ orgUnitId: scope.selectedId ?? undefined, roles: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="username" label={t('users.username')} rules={usernameRules()}>
          <Input maxLength={40} autoComplete="off" autoFocus data-testid="user-create-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={40} data-testid="user-create-display-name" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={roleRules()}>
          <RoleSelect testId="user-create-roles" />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('users.orgUnit')}
          rules={[{ required: true, message: t('users.orgUnitRequired') }]}
        >
          <OrgTreeSelect testId="user-create-org" />
        </Form.Item>
        <Form.Item name="scopeOrgId" label={t('users.scope')} extra={t('users.scopeHelp')}>
          <OrgTreeSelect allowClear testId="user-create-scope" />
        </Form.Item>
        <WorkPhoneField testId="user-create-work-phone" />
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHint')}
          rules={passwordRules()}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="user-create-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
