import { Alert, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useModalForm } from '../../../lib/form-modal';
import { submitButtonProps } from '../../../lib/modal-form';
import { OrgTreeSelect } from '../../orgs';
import type { CreatedToken } from '../api';
import { useCreateToken } from '../queries';
import { TokenCreatedResult } from './token-created-result';

interface Values {
  name: string;
  username: string;
  scopeOrgId?: string;
  expiresInDays?: number | null;
}

const FIELDS = ['name', 'username', 'scopeOrgId', 'expiresInDays'];

/** Creates a token, then shows it once. */
export function TokenCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const modal = useModalForm();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  async function submit(values: Values) {
    await modal.run(
      async () => {
        setCreated(
          await create.mutateAsync({
            name: values.name.trim(),
            username: values.username.trim(),
            ...(values.scopeOrgId ? { scopeOrgId: values.scopeOrgId } : {}),
            ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
          }),
        );
      },
      (err) => applyProblemToForm(form, err, FIELDS, { user_not_found: 'username' }),
    );
  }

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: !created }}
      afterClose={() => {
        setCreated(null);
        modal.clearError();
      }}
      footer={
        created ? (
          <Button type="primary" onClick={onClose} data-testid="token-created-close">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              {...submitButtonProps(modal.formId, modal.submitting, 'token-create-submit')}
            >
              {t('common.create')}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <TokenCreatedResult created={created} />
      ) : (
        <>
          {modal.error ? (
            <Alert type="error" showIcon title={modal.error} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values>
            id={modal.formId}
            form={form}
            layout="vertical"
            initialValues={{ username: me?.user.username }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="name"
              label={t('tokens.name')}
              rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
            >
              <Input maxLength={80} autoFocus data-testid="token-create-name" />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('tokens.username')}
              rules={[{ required: true, whitespace: true, message: t('tokens.usernameRequired') }]}
            >
              <Input maxLength={40} data-testid="token-create-username" />
            </Form.Item>
            <Form.Item name="scopeOrgId" label={t('tokens.scope')} extra={t('tokens.scopeHelp')}>
              <OrgTreeSelect allowClear testId="token-create-scope" />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresHelp')}>
              <InputNumber
                min={1}
                max={3650}
                precision={0}
                style={{ width: 160 }}
                data-testid="token-create-days"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
