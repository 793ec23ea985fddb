import { DataSource } from 'typeorm';
import { ActionStatus, addDays, CalendarDate, RagStatus } from '@send/domain';
import { ActionPriorityEntity } from '../actions/action-priority.entity';
import { ActionEntity } from '../actions/action.entity';
import { describeOn, freshReadDatabase, READ_DATABASE_KINDS } from '../projection/history.fixture';
import { openReadDatabase } from '../read-database';
import { rollUp, rollUpGroups } from './rag-roll-up';
import { countRollUpGroups } from './roll-up-query';

const TODAY: CalendarDate = '2026-03-10';
const STALE_AFTER = 30;
const STATUSES: ActionStatus[] = ['OPEN', 'OPEN', 'OPEN', 'COMPLETE', 'WITHDRAWN', 'SUPERSEDED'];
const RAGS: RagStatus[] = ['NOT_YET_RATED', 'RED', 'AMBER', 'GREEN', 'BLUE'];

/**
 * Actions spread over two plans, every area, every status and RAG, and due and last-updated dates
 * on both sides of (and exactly at) the overdue and stale boundaries.
 */
function actionRows(): { actions: Partial<ActionEntity>[]; priorities: ActionPriorityEntity[] } {
  const actions: Partial<ActionEntity>[] = [];
  const priorities: ActionPriorityEntity[] = [];
  for (let i = 0; i < 240; i++) {
    const planId = i % 5 === 0 ? 'plan-b' : 'plan-a';
    const actionId = `action-${i}`;
    const status = STATUSES[i % STATUSES.length];
    actions.push({
      actionId,
      planId,
      ref: `${1 + (i % 8)}.${i}`,
      refSortKey: String(i).padStart(6, '0'),
      areaNumber: 1 + (i % 8),
      title: 'T',
      description: 'D',
      intendedImpact: 'I',
      ownerId: 'o',
      ownerName: 'O',
      ownerRole: 'R',
      ownerOrganisation: 'Org',
      leadOrganisation: 'Org',
      dueDate: addDays(TODAY, (i % 7) - 3),
      originalDueDate: addDays(TODAY, (i % 7) - 3),
      status,
      rag: status === 'COMPLETE' ? 'BLUE' : RAGS[i % 4],
      latestCommentary: null,
      lastAsAt: null,
      lastUpdatedOn: addDays(TODAY, -STALE_AFTER + (i % 5) - 2),
      addedAt: '2025-01-01T00:00:00.000Z',
      completedOn: null,
      supersededByActionId: null,
      closingReason: null,
      delegates: [],
      confidenceHistory: [],
      revision: 1,
    });
    for (let p = 1; p <= 7; p++) if ((i + p) % 3 === 0) priorities.push({ actionId, priorityNumber: p, planId });
  }
  return { actions, priorities };
}

for (const kind of READ_DATABASE_KINDS) {
  describeOn(kind)(`Roll-ups counted by the read database on ${kind}`, () => {
    let dataSource: DataSource;
    let drop: () => Promise<void>;
    const { actions, priorities } = actionRows();
    const rows = (planId: string) => actions.filter((a) => a.planId === planId) as ActionEntity[];

    beforeAll(async () => {
      const fresh = await freshReadDatabase(kind);
      drop = fresh.drop;
      dataSource = await openReadDatabase(fresh.config);
      await dataSource.getRepository(ActionEntity).insert(actions);
      await dataSource.getRepository(ActionPriorityEntity).insert(priorities);
    });

    afterAll(async () => {
      await dataSource?.destroy();
      await drop?.();
    });

    it('gives each plan and each area the roll-up of its actions one by one', async () => {
      const groups = await countRollUpGroups(dataSource, 'area', ['plan-a', 'plan-b'], TODAY, STALE_AFTER);
      for (const planId of ['plan-a', 'plan-b']) {
        const mine = groups.filter((g) => g.planId === planId);
        expect(rollUpGroups(mine)).toEqual(rollUp(rows(planId), TODAY, STALE_AFTER));
        for (let area = 1; area <= 8; area++) {
          expect(rollUpGroups(mine.filter((g) => g.key === area))).toEqual(rollUp(rows(planId).filter((a) => a.areaNumber === area), TODAY, STALE_AFTER));
        }
      }
      // The fixture must reach every branch, or the comparison proves little.
      const whole = rollUp(rows('plan-a'), TODAY, STALE_AFTER);
      for (const field of ['notYetRated', 'red', 'amber', 'green', 'blue', 'withdrawn', 'superseded', 'overdue', 'stale'] as const) expect(whole[field]).toBeGreaterThan(0);
    });

    it('gives each priority the roll-up of the actions linked to it', async () => {
      const groups = await countRollUpGroups(dataSource, 'priority', ['plan-a'], TODAY, STALE_AFTER);
      for (let priority = 1; priority <= 7; priority++) {
        const linked = new Set(priorities.filter((p) => p.priorityNumber === priority && p.planId === 'plan-a').map((p) => p.actionId));
        expect(rollUpGroups(groups.filter((g) => g.key === priority))).toEqual(rollUp(rows('plan-a').filter((a) => linked.has(a.actionId)), TODAY, STALE_AFTER));
      }
    });

    it('counts nothing for a plan with no actions or no plans at all', async () => {
      expect(await countRollUpGroups(dataSource, 'area', ['plan-none'], TODAY, STALE_AFTER)).toEqual([]);
      expect(await countRollUpGroups(dataSource, 'area', [], TODAY, STALE_AFTER)).toEqual([]);
    });
  });
}
