import type { User } from '@fengqiao/shared';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { FormModal, useModalForm } from '../../../lib/form-modal';
import { useResetUserPassword } from '../queries';
import { passwordRules } from '../role-rules';

/** Sets a new password for a user (the server checks complexity: 422 weak_password). */
export function PasswordResetModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const modal = useModalForm();
  const reset = useResetUserPassword();

  async function submit({ password }: { password: string }) {
    if (!user) return;
    await modal.run(
      async () => {
        await reset.mutateAsync({ id: user.id, password });
        onDone();
      },
      (err) => applyProblemToForm(form, err, ['password'], { weak_password: 'password' }),
    );
  }

  return (
    <FormModal
      open={!!user}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      okText={t('common.save')}
      modal={modal}
      submitTestId="user-password-submit"
    >
      <Form id={modal.formId} form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordHint')}
          rules={passwordRules()}
        >
          <Input.Password
            maxLength={200}
            autoComplete="new-password"
            autoFocus
            data-testid="user-password-input"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
