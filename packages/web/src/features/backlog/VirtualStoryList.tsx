// The stories list, virtualised (ADR 0017): however many stories are loaded, only the rows in and near the window are
// in the DOM. The list scrolls with the page (no scroll box inside the page), each row is measured as it renders
// (titles wrap on a phone), and nearing the end of what is loaded asks for the next page.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Story } from './api.ts';
import { StoryRow } from './StoryRow.tsx';

type Props = {
  items: readonly Story[];
  /** More stories match than are loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (story: Story) => void;
  /** Bulk edit (people who may write): which keys are selected, and the box's toggle. */
  selection?: { selected: ReadonlySet<string>; onToggle: (key: string) => void };
};

/** Rows before the end of what is loaded at which the next page is asked for (a page is 500). */
const PREFETCH_ROWS = 50;
/** A row with a one-line title, key line and facts; rows are measured, this only places them before they are. */
const ESTIMATED_ROW = 92;

export function VirtualStoryList({ items, hasMore, loadingMore, onLoadMore, onOpen, selection }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  // The list's distance from the top of the document: the window scrolls, the rows are placed from the list's top.
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (top !== offset) setOffset(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    gap: 6,
    scrollMargin: offset,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastShown, items.length, onLoadMore]);

  return (
    <ul
      ref={listRef}
      aria-label="Stories"
      data-testid="story-list"
      style={{ listStyle: 'none', padding: 0, margin: 0, position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => {
        const story = items[row.index];
        if (!story) return null;
        return (
          <StoryRow
            key={row.key}
            story={story}
            onOpen={() => onOpen(story)}
            selection={
              selection
                ? { selected: selection.selected.has(story.key), onToggle: () => selection.onToggle(story.key) }
                : undefined
            }
            placement={{
              index: row.index,
              setSize: hasMore ? -1 : items.length,
              measure: virtualizer.measureElement,
              style: {
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              },
            }}
          />
        );
      })}
    </ul>
  );
}
