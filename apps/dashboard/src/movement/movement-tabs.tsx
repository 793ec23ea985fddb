import { SubTabs } from '../shared/sub-tabs';

const TABS = [
  { key: 'meetings', href: '#/movement', label: 'Between board meetings' },
  { key: 'return', href: '#/movement/quarterly-return', label: 'DfE quarterly return' },
] as const;

/** Two ways the board looks back, under the one What moved tab: meeting to meeting, and the quarter's return to the DfE. */
export function MovementTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return <SubTabs tabs={TABS} current={current} label="What moved views" />;
}
