import type { User } from '@fengqiao/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/form-errors';
import { submitButtonProps } from '../../../lib/modal-form';
import { resetUserPassword } from '../api';
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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  async function submit({ password }: { password: string }) {
    if (!user) return;
    setSubmitting(true);
    setError(null);
    try {
      await resetUserPassword(user.id, password);
      onDone();
    } catch (err) {
      setError(applyProblemToForm(form, err, ['password'], { weak_password: 'password' }));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={!!user}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={submitButtonProps(formId, submitting, 'user-password-submit')}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form id={formId} form={form} layout="vertical" onFinish={(v) => void submit(v)}>
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
    </Modal>
  );
}
