// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// Loading, error and empty states around a query's data.
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './States.tsx';

type Props<T> = {
  // Structural so both plain and infinite query results (flattened by the caller) fit.
  query: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean; refetch: () => unknown };
  isEmpty?: (data: T) => boolean;
  emptyTitle?: string;
  emptyDescription?: ReactNode;
  testId?: string;
  children: (data: T) => ReactNode;
};

/** The loading, error and empty states every list shows, so a component only renders its data. */
export function QueryState<T>({
  query,
  isEmpty,
  emptyTitle = 'Nothing here yet',
  emptyDescription,
  testId,
  children,
}: Props<T>) {
  let content: ReactNode;
  if (query.isPending) content = <LoadingState />;
  else if (query.isError) content = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (isEmpty?.(query.data as T)) content = <EmptyState title={emptyTitle}>{emptyDescription}</EmptyState>;
  else return <>{children(query.data as T)}</>;
  // The wrapper names whose state this is, since the shared states carry generic test ids.
  return <div data-testid={testId ? `${testId}-state` : undefined}>{content}</div>;
}
