import type { HTMLAttributes } from 'react';
import { href } from '../routing/use-route';
import { RagBadge, RagValue } from './rag-badge';

export interface LinkedAction {
  id: string;
  ref: string;
  title: string;
  rag: RagValue;
}

/** Actions something names (a risk, a condition), each linking to its page with its RAG in words. */
export function LinkedActionList({ actions, ...list }: { actions: LinkedAction[]; 'data-list'?: string } & HTMLAttributes<HTMLUListElement>) {
  return (
    <ul {...list}>
      {actions.map((a) => (
        <li key={a.id}>
          <a href={href(`/actions/${a.id}`)}>
            {a.ref} {a.title}
          </a>{' '}
          <RagBadge rag={a.rag} />
        </li>
      ))}
    </ul>
  );
}
