import { CloseOutlined, RightOutlined } from '@ant-design/icons';
import type { HouseholdSummary } from '@fengqiao/shared';
import { RESIDENT_TAGS } from '@fengqiao/shared/rules';
import { Button, Drawer, Flex, Grid, Popover, Skeleton, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage, isAbort } from '../../../lib/api-client';
import type { PointStack, StackCloseReason } from '../../map';
import { listHouseholds } from '../api';
import { ResidentTags } from './resident-tags';
import './stacked-households.css';
import { shownAddress } from '../shown-address';

/** A household under the pointer: its id and its tag bits from the map points (RESIDENT_TAGS order). */
export interface StackedHousehold {
  id: string;
  tags: number;
}

/** The households at one spot of the map, and where (in pixels inside the map) the list points to. */
export type HouseholdStack = PointStack;

/** Rows shown at first and added by each "more" (the server takes up to 50 ids at once). */
const PAGE = 10;

type Loaded = { summary: HouseholdSummary } | { error: string };

const tagsOf = (bits: number) => RESIDENT_TAGS.filter((_, i) => bits & (1 << i));

/**
 * The summaries of the first `shown` households, in one scoped list request per page of rows (the
 * masked list, like the households page; opening a file is what is audited).
 */
function useSummaries(ids: readonly string[], shown: number): ReadonlyMap<string, Loaded> {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Loaded>>(() => new Map());
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  useEffect(() => {
    const pending = ids.slice(0, shown).filter((id) => !loadedRef.current.has(id));
    if (!pending.length) return;
    const controller = new AbortController();
    listHouseholds({ ids: pending.join(','), limit: pending.length }, controller.signal).then(
      (page) => {
        const found = new Map(page.items.map((summary) => [summary.id, summary]));
        setLoaded((current) => {
          const next = new Map(current);
          for (const id of pending) {
            const summary = found.get(id);
            // Gone since the map loaded, or moved out of the caller's area.
            next.set(id, summary ? { summary } : { error: t('households.stacked.notFound') });
          }
          return next;
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setLoaded((current) => {
          const next = new Map(current);
          for (const id of pending) next.set(id, { error: errorMessage(error) });
          return next;
        });
      },
    );
    return () => controller.abort();
  }, [ids, shown, t]);
  return loaded;
}

function StackRow({ household, loaded }: { household: StackedHousehold; loaded: Loaded | undefined }) {
  const { t } = useTranslation();
  const summary = loaded && 'summary' in loaded ? loaded.summary : null;
  return (
    <Link
      to={`/households/${household.id}`}
      className="fq-stack-item"
      data-testid="stacked-household"
      data-household-id={household.id}
      data-loaded={loaded ? 'true' : undefined}
    >
      <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
        {summary ? (
          <>
            <Typography.Text strong ellipsis>
              {shownAddress(summary)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('households.stacked.headLine', {
                name: summary.headName ?? '—',
                members: summary.residentCount,
              })}
            </Typography.Text>
          </>
        ) : loaded && 'error' in loaded ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {loaded.error}
          </Typography.Text>
        ) : (
          <Skeleton active title={false} paragraph={{ rows: 2, width: ['70%', '45%'] }} />
        )}
        {(summary?.tags.length ?? household.tags) ? (
          <ResidentTags tags={summary ? summary.tags : tagsOf(household.tags)} />
        ) : null}
      </Flex>
      <RightOutlined style={{ color: '#bfbfbf', fontSize: 12 }} />
    </Link>
  );
}

/**
 * Every household at one spot (flats of one building), each a link to its file: masked address,
 * head of household, size and tags. Focus moves in on open; Tab walks the rows, Enter opens one,
 * Escape closes.
 */
export function StackedHouseholdList({
  households,
  onClose,
  showHeader = true,
}: {
  households: readonly StackedHousehold[];
  onClose: (reason: StackCloseReason) => void;
  /** The drawer on phones has its own title and close button. */
  showHeader?: boolean;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const ids = useMemo(() => households.map((h) => h.id), [households]);
  const loaded = useSummaries(ids, shown);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstNewRef = useRef<number | null>(null);

  useEffect(() => {
    rootRef.current?.focus({ preventScroll: true });
  }, []);
  // After "more", focus the first of the new rows (the button may have gone).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the new rows are rendered
  useEffect(() => {
    const index = firstNewRef.current;
    if (index === null) return;
    firstNewRef.current = null;
    rootRef.current?.querySelectorAll<HTMLElement>('.fq-stack-item')[index]?.focus();
  }, [shown]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose('keyboard');
  };
  const remaining = households.length - Math.min(shown, households.length);
  const title = t('households.stacked.title', { n: households.length });
  return (
    <div
      ref={rootRef}
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fq-stack"
      data-testid="stacked-households"
      data-count={households.length}
    >
      {showHeader ? (
        <Flex align="center" justify="space-between" gap={8}>
          <Typography.Text strong>{title}</Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('common.close')}
            onClick={() => onClose('keyboard')}
            data-testid="stacked-households-close"
          />
        </Flex>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4 }}>
        {t('households.stacked.hint')}
      </Typography.Text>
      <ul className="fq-stack-list">
        {households.slice(0, shown).map((household) => (
          <li key={household.id}>
            <StackRow household={household} loaded={loaded.get(household.id)} />
          </li>
        ))}
      </ul>
      {remaining > 0 ? (
        <Button
          type="link"
          size="small"
          onClick={() => {
            firstNewRef.current = shown;
            setShown((n) => n + PAGE);
          }}
          data-testid="stacked-households-more"
        >
          {remaining > PAGE
            ? t('households.stacked.more', { n: PAGE, total: remaining })
            : t('households.stacked.moreRest', { n: remaining })}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The list of households at one spot: a popover pointing at it on wide screens, a bottom drawer on
 * phones. Render it inside the map's positioned wrapper; `stack.x/y` are pixels in that wrapper.
 */
export function StackedHouseholdsPopup({
  stack,
  onClose,
}: {
  stack: HouseholdStack | null;
  onClose: (reason: StackCloseReason) => void;
}) {
  const { t } = useTranslation();
  const compact = Grid.useBreakpoint().md === false;
  if (!stack) return null;
  // A new spot is a new list (its own rows, fetches and focus).
  const key = `${stack.x},${stack.y},${stack.households.map((h) => h.id).join()}`;
  if (compact) {
    return (
      <Drawer
        key={key}
        open
        placement="bottom"
        size="auto"
        title={t('households.stacked.title', { n: stack.households.length })}
        onClose={() => onClose('keyboard')}
        styles={{ wrapper: { maxHeight: '75vh' }, body: { padding: '8px 12px 16px' } }}
      >
        <StackedHouseholdList key={key} households={stack.households} onClose={onClose} showHeader={false} />
      </Drawer>
    );
  }
  return (
    <Popover
      key={key}
      open
      trigger="click"
      placement="top"
      destroyOnHidden
      onOpenChange={(open) => {
        if (!open) onClose('outside');
      }}
      content={<StackedHouseholdList key={key} households={stack.households} onClose={onClose} />}
    >
      <span
        aria-hidden
        style={{
          position: 'absolute',
          left: stack.x,
          top: stack.y - 8,
          width: 1,
          height: 1,
          pointerEvents: 'none',
        }}
      />
    </Popover>
  );
}
