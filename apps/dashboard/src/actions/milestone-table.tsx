import { TableScroll } from '../shared/table-scroll';
import type { ActionDetail } from './action.query';
import { DateText } from '../shared/date-text';

export function MilestoneTable({ milestones }: { milestones: ActionDetail['milestones'] }) {
  if (milestones.length === 0) return <p>No milestones.</p>;
  return (
    <TableScroll captionId="milestones-caption">
      <table>
        <caption id="milestones-caption" className="visually-hidden">Milestones</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Due</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={m.id}>
              <td>{m.title}</td>
              <td>
                <DateText iso={m.dueDate} short /> {m.overdue && <span className="flag flag-overdue">overdue</span>}
              </td>
              <td>{m.completedOn ? <DateText iso={m.completedOn} short /> : 'not yet'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
