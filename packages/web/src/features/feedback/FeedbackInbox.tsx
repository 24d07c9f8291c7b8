// The inbox: the filtered items newest first ("Load more" along the API's cursor), each with its source, age and
// possible duplicate. Keyboard: j/k move the highlighted item (it takes focus), x selects it, s/b/d/c/r open triage
// with that decision, ? lists the keys — never while typing or in a dialog. Selected items are triaged together
// from the bulk bar; possible duplicates are reviewed side by side.
import { Button, Group, Stack } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { QueryState } from '../../ui/QueryState.tsx';
import { EmptyState } from '../../ui/States.tsx';
import { countOf, selectAllState } from '../backlog/stories-view.ts';
import type { FeedbackFilters, FeedbackItem } from './api.ts';
import { BulkTriageBar } from './BulkTriageBar.tsx';
import { BulkTriageDialog } from './BulkTriageDialog.tsx';
import { DuplicateReview } from './DuplicateReview.tsx';
import { type DuplicatePair, duplicatePairs, pairId } from './duplicates.ts';
import { FeedbackRow } from './FeedbackRow.tsx';
import { useDistinctPairs, useFeedbackList, useFeedbackSummary } from './queries.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { moveActive, type ShortcutAction, shortcutFor, type TargetLike, toggled } from './shortcuts.ts';
import { type TriageAction, TriageDialog } from './TriageDialog.tsx';
import type { BulkTriage } from './use-bulk-triage.ts';

type Props = {
  code: string;
  filters: FeedbackFilters;
  canTriage: boolean;
  canSubmit: boolean;
  onAdd: () => void;
  onImport: () => void;
  /** Another dialog of the page is open: shortcuts rest. */
  paused: boolean;
};

/** Open items may still be decided; one in a clarification log takes any decision but another question. */
const triageable = (item: FeedbackItem, action: TriageAction) =>
  item.status === 'new' || (item.status === 'clarification' && action !== 'clarification');

export function FeedbackInbox({ code, filters, canTriage, canSubmit, onAdd, onImport, paused }: Props) {
  const list = useFeedbackList(code, filters);
  // The newest items of every status: the originals a duplicate may point at, and what possible duplicates are
  // looked for among, whatever the filter shows.
  const everything = useFeedbackList(code, {});
  const summary = useFeedbackSummary(code);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const known = useMemo(() => {
    const byKey = new Map<string, FeedbackItem>();
    for (const i of [...items, ...(everything.data?.pages.flatMap((p) => p.items) ?? [])]) byKey.set(i.key, i);
    return [...byKey.values()];
  }, [items, everything.data]);
  // Pairs the team called "not a duplicate" (stored on the server); nothing is suggested until they are known.
  const distinct = useDistinctPairs(code);
  const pairs = useMemo(() => {
    if (distinct.isPending) return [];
    return duplicatePairs(known, new Set((distinct.data ?? []).map((d) => pairId(d.pair[0] ?? '', d.pair[1] ?? ''))));
  }, [known, distinct.isPending, distinct.data]);
  const pairOf = useMemo(() => new Map(pairs.map((p) => [p.item.key, p])), [pairs]);

  const [active, setActive] = useState<{ key: string | null; index: number }>({ key: null, index: -1 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [triage, setTriage] = useState<{ item: FeedbackItem; action: TriageAction } | null>(null);
  const [bulk, setBulk] = useState<BulkTriage['action'] | null>(null);
  const [review, setReview] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const rows = useRef(new Map<string, HTMLLIElement>());

  // The highlighted row; when it left the list (triaged under "waiting"), the one that took its place.
  const found = items.findIndex((i) => i.key === active.key);
  const activeIndex = found >= 0 ? found : Math.min(active.index, items.length - 1);
  const activeItem = activeIndex >= 0 ? items[activeIndex] : undefined;
  const selectable = canTriage ? items.filter((i) => i.status === 'new') : [];
  const selectedKeys = selectable.filter((i) => selected.has(i.key)).map((i) => i.key);
  const pair: DuplicatePair | undefined =
    review === 'next' ? pairs[0] : pairs.find((p) => pairId(p.item.key, p.original.key) === review);

  useEffect(() => {
    if (review !== null && !pair) setReview(null);
  }, [review, pair]);

  const focusRow = (index: number) => {
    const item = items[index];
    if (!item) return;
    setActive({ key: item.key, index });
    const el = rows.current.get(item.key);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  };

  const run = (action: ShortcutAction) => {
    if (action === 'help') return setHelp(true);
    if (action === 'next' || action === 'previous')
      return focusRow(moveActive(activeIndex, action === 'next' ? 1 : -1, items.length));
    if (!activeItem || !canTriage) return;
    if (action === 'select') {
      if (activeItem.status === 'new') setSelected((s) => toggled(s, activeItem.key));
      return;
    }
    if (triageable(activeItem, action)) setTriage({ item: activeItem, action });
  };

  const dialogOpen = paused || help || triage !== null || bulk !== null || pair !== undefined;
  const handler = useRef<(e: KeyboardEvent) => void>(() => undefined);
  handler.current = (e: KeyboardEvent) => {
    if (dialogOpen) return;
    const action = shortcutFor({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      defaultPrevented: e.defaultPrevented,
      target: e.target as TargetLike | null,
    });
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handler.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const countLabel = `${countOf(items.length, 'item')}${list.hasNextPage ? ' shown · more to load' : ''}`;

  return (
    <Stack gap="sm" data-testid="feedback-inbox">
      {items.length > 0 ? (
        <Group justify="space-between" gap="xs">
          {pairs.length > 0 ? (
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => setReview('next')}
              data-testid="review-duplicates"
            >
              Review possible duplicates ({pairs.length})
            </Button>
          ) : (
            <span />
          )}
          <Button
            size="xs"
            variant="subtle"
            visibleFrom="sm"
            onClick={() => setHelp(true)}
            data-testid="shortcut-help-open"
          >
            Keyboard shortcuts (?)
          </Button>
        </Group>
      ) : null}
      {canTriage && items.length > 0 ? (
        <BulkTriageBar
          selected={selectedKeys.length}
          allState={selectAllState(
            new Set(selectedKeys),
            selectable.map((i) => i.key),
          )}
          onSelectAll={(all) => setSelected(all ? new Set(selectable.map((i) => i.key)) : new Set())}
          onClear={() => setSelected(new Set())}
          onBulk={setBulk}
          countLabel={countLabel}
        />
      ) : null}
      <QueryState query={list} testId="feedback-list">
        {() =>
          items.length === 0 ? (
            <EmptyInbox
              noFeedback={summary.data?.total === 0}
              filtered={filters.status !== 'new' || filters.source !== undefined}
              canSubmit={canSubmit}
              canImport={canTriage}
              onAdd={onAdd}
              onImport={onImport}
            />
          ) : (
            <Stack gap="xs">
              <Stack
                gap="xs"
                component="ul"
                className="feedback-plain-list"
                aria-label="Feedback"
                data-testid="feedback-list"
              >
                {items.map((item, index) => (
                  <FeedbackRow
                    key={item.key}
                    item={item}
                    active={index === activeIndex}
                    tabbable={index === Math.max(0, activeIndex)}
                    onFocus={() => setActive({ key: item.key, index })}
                    rowRef={(el) => {
                      if (el) rows.current.set(item.key, el);
                      else rows.current.delete(item.key);
                    }}
                    selection={
                      canTriage && item.status === 'new'
                        ? { selected: selected.has(item.key), onToggle: () => setSelected((s) => toggled(s, item.key)) }
                        : undefined
                    }
                    onTriage={
                      canTriage && (item.status === 'new' || item.status === 'clarification')
                        ? (action) => triageable(item, action) && setTriage({ item, action })
                        : undefined
                    }
                    duplicate={pairOf.get(item.key)}
                    onReviewDuplicate={() => {
                      const p = pairOf.get(item.key);
                      if (p) setReview(pairId(p.item.key, p.original.key));
                    }}
                  />
                ))}
              </Stack>
              {list.hasNextPage ? (
                <Button
                  variant="default"
                  loading={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                  data-testid="feedback-more"
                >
                  Load more
                </Button>
              ) : null}
            </Stack>
          )
        }
      </QueryState>
      <TriageDialog code={code} target={triage} items={known} onClose={() => setTriage(null)} />
      <BulkTriageDialog
        code={code}
        action={bulk}
        keys={selectedKeys}
        items={known}
        onClose={() => setBulk(null)}
        onDone={() => {
          setBulk(null);
          setSelected(new Set());
        }}
      />
      <DuplicateReview
        code={code}
        pair={pair ?? null}
        position={review === 'next' && pairs.length > 1 ? `${pairs.length} to review` : undefined}
        canTriage={canTriage}
        onNotDuplicate={() => {
          if (review !== 'next') setReview(null);
        }}
        onClose={() => setReview(null)}
      />
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} />
    </Stack>
  );
}

function EmptyInbox(props: {
  noFeedback: boolean;
  filtered: boolean;
  canSubmit: boolean;
  canImport: boolean;
  onAdd: () => void;
  onImport: () => void;
}) {
  if (!props.noFeedback) {
    return (
      <EmptyState title={props.filtered ? 'No feedback matches these filters' : 'Nothing waits for triage'}>
        {props.filtered
          ? 'Pick another status or source.'
          : 'Every item has been decided. Pick “Every status” to see them.'}
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No feedback yet"
      action={
        <Group gap="xs" justify="center">
          {props.canSubmit ? (
            <Button onClick={props.onAdd} data-testid="empty-add-feedback">
              Add feedback
            </Button>
          ) : null}
          {props.canImport ? (
            <Button variant="default" onClick={props.onImport} data-testid="empty-import">
              Import a chat export
            </Button>
          ) : null}
        </Group>
      }
    >
      Type what a user said with <b>Add feedback</b>, import a WhatsApp, Slack or Teams chat export, or send it from
      another system with an API token (POST /api/v1/products/…/feedback). Everything lands here, in one list.
    </EmptyState>
  );
}
