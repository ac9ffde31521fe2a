import { CodebookView } from '../features/coding/codebook-view';
import { CodedPassagesView } from '../features/coding/coded-passages-view';
import { MatrixView } from '../features/coding/matrix-view';

/** Which coding view is open: the codebook, the matrix, or the passages of a code (from either). */
export type CodingRoute =
  | { page: 'codebook' }
  | { page: 'matrix' }
  | { page: 'passages'; codeId: string; documentId?: string; withSubcodes: boolean; from: 'codebook' | 'matrix' };

type Props = {
  route: CodingRoute;
  onRoute: (route: CodingRoute) => void;
  onOpen: (passage: { documentId: string; offset: number; end: number; highlightId: string }) => void;
};

/** The coding feature's views, and how they lead to one another. */
export function CodingViews({ route, onRoute, onOpen }: Props) {
  if (route.page === 'codebook')
    return <CodebookView onShowMatrix={() => onRoute({ page: 'matrix' })} onShowPassages={(codeId) => onRoute({ page: 'passages', codeId, withSubcodes: false, from: 'codebook' })} />;
  if (route.page === 'matrix')
    return (
      <MatrixView
        onShowCodebook={() => onRoute({ page: 'codebook' })}
        onShowPassages={(codeId, documentId) => onRoute({ page: 'passages', codeId, documentId, withSubcodes: false, from: 'matrix' })}
      />
    );
  return (
    <CodedPassagesView
      key={`${route.codeId}\n${route.documentId ?? ''}`}
      codeId={route.codeId}
      documentId={route.documentId}
      withSubcodes={route.withSubcodes}
      onWithSubcodesChange={(withSubcodes) => onRoute({ ...route, withSubcodes })}
      onOpen={onOpen}
      onBack={() => onRoute({ page: route.from })}
      backLabel={route.from === 'matrix' ? 'Back to the matrix' : 'Back to the codebook'}
    />
  );
}
