import { TableScroll } from '../shared/table-scroll';
import { href } from '../routing/use-route';
import { RAG_WORDS, RagBadge, RagValue } from '../shared/rag-badge';
import type { RollUp } from '../shared/roll-up';
import type { Group } from './overview.query';

const COLUMNS: { rag: RagValue; key: keyof RollUp }[] = [
  { rag: 'RED', key: 'red' },
  { rag: 'AMBER', key: 'amber' },
  { rag: 'GREEN', key: 'green' },
  { rag: 'BLUE', key: 'blue' },
  { rag: 'NOT_YET_RATED', key: 'notYetRated' },
];

/**
 * The board's grid: one row per area or priority, RAG counts under worded column heads (the cell
 * colour only repeats what the head says), and a link through to that row's actions.
 */
export function RollUpTable({ groups, kind }: { groups: Group[]; kind: 'area' | 'priority' }) {
  const noun = kind === 'area' ? 'Improvement area' : 'Recovery priority';
  return (
    <TableScroll captionId="roll-up-caption">
      <table className="roll-up stack-on-phone">
        <caption id="roll-up-caption">{kind === 'area' ? 'RAG by improvement area' : 'RAG by recovery-plan priority'}</caption>
        <thead>
          <tr>
            <th scope="col">{noun}</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.rag}>
                <RagBadge rag={c.rag} />
              </th>
            ))}
            <th scope="col">Actions in force</th>
            <th scope="col">% complete</th>
            <th scope="col">Overdue</th>
            <th scope="col">Stale</th>
            <th scope="col">
              At risk<span className="visually-hidden"> from a dependency</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.number} data-group={g.number}>
              <th scope="row">
                <a href={href('/actions', { [kind]: String(g.number) })}>
                  {g.number}. {g.name}
                </a>
              </th>
              {COLUMNS.map((c) => (
                <td key={c.rag} className={`count count-${c.key}${g.rollUp[c.key] ? '' : ' count-zero'}`} data-rag={c.rag} data-label={RAG_WORDS[c.rag]}>
                  {g.rollUp[c.key]}
                </td>
              ))}
              <td data-label="Actions in force">{g.rollUp.total}</td>
              <td data-label="% complete">{g.rollUp.percentComplete}%</td>
              <td className={g.rollUp.overdue ? 'flagged' : undefined} data-label="Overdue">
                {g.rollUp.overdue}
              </td>
              <td className={g.rollUp.stale ? 'flagged' : undefined} data-label="Stale">
                {g.rollUp.stale}
              </td>
              <td className={g.atRiskFromDependencies ? 'flagged' : undefined} data-at-risk="" data-label="At risk from a dependency">
                {g.atRiskFromDependencies}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
