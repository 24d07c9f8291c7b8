// Applies one change to the selected stories. The API takes 500 keys a request, all or nothing; a larger selection
// goes in batches one after the other, and a refused batch stops the rest (BulkStopped says how many were saved).

import { STORY_BULK_MAX } from '@pi-studio/core/contract/backlog-bulk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import type { Story } from './api.ts';
import { bulkUpdateStories, type StoryBulkPatch } from './bulk-api.ts';
import { backlogKeys } from './queries.ts';
import { batches } from './stories-view.ts';

/** A batch was refused after `saved` stories had been changed by the batches before it. */
export class BulkStopped extends Error {
  constructor(
    readonly reason: unknown,
    readonly saved: number,
    readonly total: number,
  ) {
    super(errorMessage(reason));
  }
}

export function useBulkUpdate(code: string) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<{ saved: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ keys, patch }: { keys: readonly string[]; patch: StoryBulkPatch }) => {
      const saved: Story[] = [];
      for (const batch of batches(keys, STORY_BULK_MAX)) {
        setProgress({ saved: saved.length, total: keys.length });
        try {
          saved.push(...(await bulkUpdateStories(code, { keys: batch, patch })));
        } catch (err) {
          throw new BulkStopped(err, saved.length, keys.length);
        }
      }
      return saved;
    },
    // Refetch on failure too: a refusal may come after earlier batches changed stories.
    onSettled: () => {
      setProgress(null);
      return qc.invalidateQueries({ queryKey: backlogKeys.all(code) });
    },
  });
  return { ...mutation, progress };
}
