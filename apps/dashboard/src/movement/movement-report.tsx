import { href } from '../routing/use-route';
import { FigureTiles } from '../shared/figure-tiles';
import { RagBadge } from '../shared/rag-badge';
import type { MovementAnswer } from './movement.query';
import { MovementRisks } from './movement-risks';

const DIRECTION_WORDS = { UP: 'improved', DOWN: 'worsened', FIRST_RATED: 'first rated' } as const;

export function MovementReport({ movement: m }: MovementAnswer) {
  const moved = m.areas.filter((a) => a.counts.ragUp + a.counts.ragDown + a.counts.completed + a.counts.becameOverdue > 0);
  return (
    <>
      <FigureTiles
        label="What moved"
        figures={[
          { name: 'RAG improved', value: m.counts.ragUp },
          { name: 'RAG worsened', value: m.counts.ragDown },
          { name: 'Completed', value: m.counts.completed },
          { name: 'Became overdue', value: m.counts.becameOverdue },
          { name: 'Became stale', value: m.counts.becameStale },
          { name: 'Evidence accepted', value: m.counts.evidenceAccepted },
          { name: 'Added', value: m.counts.added },
          { name: 'Owner changes', value: m.counts.ownerChanges },
        ]}
      />
      <h2>RAG changes</h2>
      {m.ragChanges.length === 0 ? (
        <p>No action changed RAG.</p>
      ) : (
        <ul className="movement-list">
          {m.ragChanges.map((c) => (
            <li key={c.action.id}>
              <a href={href(`/actions/${c.action.id}`)}>
                {c.action.ref} {c.action.title}
              </a>
              : {DIRECTION_WORDS[c.direction]}, <RagBadge rag={c.from} /> to <RagBadge rag={c.to} />
            </li>
          ))}
        </ul>
      )}
      <h2>By area</h2>
      {moved.length === 0 ? (
        <p>Nothing moved in any area.</p>
      ) : (
        <ul className="movement-list">
          {moved.map((a) => (
            <li key={a.number}>
              {a.number}. {a.name}: {a.counts.ragUp} improved, {a.counts.ragDown} worsened, {a.counts.completed} completed,{' '}
              {a.counts.becameOverdue} became overdue
            </li>
          ))}
        </ul>
      )}
      <h2>Evidence accepted</h2>
      {m.evidenceAccepted.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="movement-list">
          {m.evidenceAccepted.map((e) => (
            <li key={e.evidence.id}>
              <a href={href(`/actions/${e.action.id}`)}>{e.action.ref}</a>: {e.evidence.title} ({e.evidence.kind.toLowerCase()})
            </li>
          ))}
        </ul>
      )}
      <MovementRisks risks={m.risks} confidenceFell={m.confidenceFell} />
    </>
  );
}
