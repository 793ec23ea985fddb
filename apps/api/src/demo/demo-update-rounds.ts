import { addDays, CalendarDate, PlanCommand } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { BOARD_MEETING_DAYS, BoardCycle, DEMO_PLAN_ID } from './demo-script';

export interface DemoRoundStep {
  at: string;
  command: PlanCommand;
}

/**
 * The programme office asks for updates ten days before each board (owners update in the week
 * before it), closes the round three days before, and has opened the round for the next board
 * two days ago, so the demo shows a live round with owners still to update.
 */
export function demoUpdateRounds(anchor: CalendarDate): DemoRoundStep[] {
  const steps: DemoRoundStep[] = [];
  const round = (key: string, title: string, openDay: number, deadlineDay: number, closeDay?: number) => {
    const roundId = deterministicUuid('demo-update-round', anchor, key);
    steps.push({
      at: `${addDays(anchor, openDay)}T09:00:00.000Z`,
      command: { type: 'OpenUpdateRound', data: { planId: DEMO_PLAN_ID, roundId, title, deadline: addDays(anchor, deadlineDay) } },
    });
    if (closeDay !== undefined) {
      steps.push({ at: `${addDays(anchor, closeDay)}T17:00:00.000Z`, command: { type: 'CloseUpdateRound', data: { planId: DEMO_PLAN_ID, roundId } } });
    }
  };
  for (const cycle of [1, 2, 3] as BoardCycle[]) {
    const board = BOARD_MEETING_DAYS[cycle];
    round(String(cycle), `Updates for the board of ${addDays(anchor, board)}`, board - 10, board - 4, board - 3);
  }
  round('next', 'Updates for the next board', -2, 12);
  return steps;
}
