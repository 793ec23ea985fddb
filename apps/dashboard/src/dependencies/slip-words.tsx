import type { SlipReason } from '@send/domain';
import { DateText } from '../shared/date-text';
import type { ActionLink } from './dependencies.query';

/** Why an action is slipping, in the board's words, with the dates that show it. */
export function SlipWords({ action, reasons }: { action: ActionLink; reasons: SlipReason[] }) {
  const parts = reasons.map((reason) => {
    switch (reason) {
      case 'RED':
        return <span key={reason}>rated Red</span>;
      case 'OVERDUE':
        return (
          <span key={reason}>
            past its due date of <DateText iso={action.dueDate} />
          </span>
        );
      case 'DUE_DATE_MOVED':
        return (
          <span key={reason}>
            due date moved from <DateText iso={action.originalDueDate} /> to <DateText iso={action.dueDate} />
          </span>
        );
    }
  });
  return <>{parts.flatMap((part, i) => (i === 0 ? [part] : [<span key={`sep-${i}`}>; </span>, part]))}</>;
}

/** The actions between one at risk and the slipping one: chain 6.2, 6.3, 6.4, 5.1 reads "through 6.3 and 6.4". */
export function throughWords(chain: string[]): string {
  const between = chain.slice(1, -1);
  return `through ${between.length > 1 ? `${between.slice(0, -1).join(', ')} and ${between[between.length - 1]}` : between[0]}`;
}
