import { getRouteApi } from '@tanstack/react-router';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { DocumentEditor } from './DocumentEditor.tsx';
import { useDocument } from './queries.ts';

const route = getRouteApi('/documents/$id/edit');

export function EditorPage() {
  const { id } = route.useParams();
  const { line, from } = route.useSearch();
  const doc = useDocument(id);
  if (doc.isPending) return <LoadingState label="Opening the editor…" />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  // Keyed by id only: refetches (after a conflict) must not reset what the person typed.
  return <DocumentEditor key={id} initial={doc.data} refetch={doc.refetch} line={line} lineFrom={from} />;
}
