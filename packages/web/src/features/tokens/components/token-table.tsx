import type { ApiToken } from '@fengqiao/shared';
import { App, Button, Empty, Popconfirm, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { useRevokeToken } from '../queries';
import { isTokenActive, TokenStatusTag } from './token-status-tag';

/** Tokens with their status; active ones can be revoked after confirmation. */
export function TokenTable({ tokens, loading }: { tokens: ApiToken[]; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scope = useOrgScope();
  const revokeMutation = useRevokeToken();

  async function revoke(token: ApiToken) {
    try {
      await revokeMutation.mutateAsync(token.id);
      message.success(t('tokens.revoked'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.username'), dataIndex: 'username' },
    {
      title: t('tokens.scope'),
      dataIndex: 'scopeOrgId',
      render: (id: string) => scope.index.byId.get(id)?.unit.name ?? '—',
    },
    {
      title: t('tokens.status'),
      key: 'status',
      render: (_v, token) => <TokenStatusTag token={token} />,
    },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => formatDateTime(v, t('tokens.noExpiry')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatDateTime(v, t('common.never')),
    },
  ];
  // Revoked and expired tokens have nothing left to do: no column of empty cells.
  if (tokens.some(isTokenActive)) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, token) =>
        isTokenActive(token) ? (
          <Popconfirm
            title={t('common.confirmTitle')}
            description={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" size="small" danger data-testid="token-revoke">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <Table<ApiToken>
      rowKey="id"
      columns={columns}
      dataSource={tokens}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('tokens.empty')} /> }}
      data-testid="tokens-table"
    />
  );
}
