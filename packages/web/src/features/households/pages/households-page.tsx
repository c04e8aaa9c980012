import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import type { HouseholdSort, ResidentTag } from '@fengqiao/shared';
import { App, Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../lib/auth/auth-context';
import { CursorPagerBar } from '../../../lib/components/cursor-pager-bar';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { useLanguage } from '../../../lib/i18n/use-language';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { usePageTitle } from '../../../lib/page-title';
import type { ListSort } from '../../../lib/table-sort';
import { HouseholdCreateModal } from '../components/household-create-modal';
import { HouseholdTable } from '../components/household-table';
import { PersonSearch } from '../components/person-search';
import { tagOptions } from '../labels';
import { useHouseholdList } from '../queries';

/** 住户档案: 查人, the households of the selected unit (filters, cursor paging), 新建住户. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('households.title'));
  const lang = useLanguage();
  const { can } = useAuth();
  const scope = useOrgScope();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [tag, setTag] = useState<ResidentTag | undefined>(undefined);
  const [searchParams] = useSearchParams();
  // ?outsideGrid=true: the import's result links here to the households it could not place in a grid.
  const [outsideOnly, setOutsideOnly] = useState(() => searchParams.get('outsideGrid') === 'true');
  const [address, setAddress] = useState('');
  const [creating, setCreating] = useState(false);
  const [sort, setSort] = useState<ListSort<HouseholdSort>>({});
  const orgUnitId = scope.selectedId;

  const pager = useHouseholdList({
    orgUnitId,
    tag,
    outsideGrid: outsideOnly ? true : undefined,
    address: address || undefined,
    ...sort,
  });

  // The new household's community: the one selected in the tree (or the grid's), else the only one
  // in scope; the form offers every community in scope.
  // (A grid worker's scope holds no community unit, so the households listed also count.)
  const communities = [
    ...new Set([
      ...scope.units.filter((u) => u.kind === 'community').map((u) => u.name),
      ...pager.items.map((h) => h.community),
    ]),
  ];
  const selected = scope.selectedUnit;
  const community =
    selected?.kind === 'community'
      ? selected.name
      : selected?.kind === 'grid' && selected.parentId
        ? scope.index.byId.get(selected.parentId)?.unit.name
        : communities.length === 1
          ? communities[0]
          : undefined;

  const printUrl = `/households/print${orgUnitId ? `?orgUnitId=${encodeURIComponent(orgUnitId)}` : ''}`;
  // The server streams the xlsx (masked, audited); a plain link lets the browser download it.
  const exportQuery = new URLSearchParams({ ...(orgUnitId ? { orgUnitId } : {}), ...(tag ? { tag } : {}) });
  const exportUrl = `/api/v1/residents/export${exportQuery.size ? `?${exportQuery}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('households.title')}
        extra={
          <>
            {can('household.door_plate') ? (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => navigate(printUrl)}
                data-testid="door-plates-open"
              >
                {t('households.printPlates')}
              </Button>
            ) : null}
            {can('household.export') ? (
              <Button icon={<DownloadOutlined />} href={exportUrl} data-testid="residents-export">
                {t('households.export')}
              </Button>
            ) : null}
            {can('household.import') ? (
              <Button
                icon={<UploadOutlined />}
                onClick={() => navigate('/households/import')}
                data-testid="household-import-open"
              >
                {t('households.import')}
              </Button>
            ) : null}
            {can('household.write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="household-create"
              >
                {t('households.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <PersonSearch orgUnitId={orgUnitId} />
      <Card
        data-list-top
        title={t('households.listTitle')}
        extra={
          <Typography.Text type="secondary">
            {t('households.scopeLabel', { name: scope.selectedUnit?.name ?? t('nav.scopeAll') })}
          </Typography.Text>
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('households.addressSearch')}
            onSearch={(value) => setAddress(value.trim())}
            enterButton
            maxLength={80}
            style={{ width: 340, maxWidth: '100%' }}
            data-testid="households-address-search"
          />
          <Select<ResidentTag>
            allowClear
            placeholder={t('households.tagFilter')}
            value={tag}
            onChange={(value) => setTag(value)}
            options={tagOptions(can('resident.sensitive'), lang)}
            style={{ width: 200, maxWidth: '100%' }}
            data-testid="households-tag-filter"
          />
          <Checkbox
            checked={outsideOnly}
            onChange={(e) => setOutsideOnly(e.target.checked)}
            data-testid="households-outside-filter"
          >
            {t('households.outsideGridOnly')}
          </Checkbox>
        </Flex>
        {pager.error ? <ErrorAlert error={pager.error} onRetry={pager.retry} /> : null}
        <HouseholdTable items={pager.items} loading={pager.loading} sort={sort} onSort={setSort} />
        <CursorPagerBar pager={pager} testId="households-pager" />
      </Card>
      <HouseholdCreateModal
        open={creating}
        defaultCommunity={community}
        communities={communities}
        onClose={() => setCreating(false)}
        onCreated={(file) => {
          setCreating(false);
          message.success(t('households.created'));
          navigate(`/households/${file.household.id}`);
        }}
      />
    </>
  );
}

export default HouseholdsPage;
