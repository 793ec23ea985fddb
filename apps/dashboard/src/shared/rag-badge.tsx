export type RagValue = 'RED' | 'AMBER' | 'GREEN' | 'BLUE' | 'NOT_YET_RATED';

export const RAG_WORDS: Record<RagValue, string> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  BLUE: 'Blue',
  NOT_YET_RATED: 'Not yet rated',
};

/** The word is always printed: colour alone fails colour-blind readers and washed-out projectors. */
export function RagBadge({ rag }: { rag: RagValue }) {
  return <span className={`rag rag-${rag.toLowerCase().replace(/_/g, '-')}`}>{RAG_WORDS[rag]}</span>;
}
