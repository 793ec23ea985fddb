import { SubTabs } from '../shared/sub-tabs';

const TABS = [
  { key: 'actions', href: '#/import', label: 'Actions from a spreadsheet' },
  { key: 'measurements', href: '#/import/measurements', label: 'Scorecard figures from a CSV file' },
] as const;

/** The two imports the programme office has, side by side under the one Import tab. */
export function ImportTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return <SubTabs tabs={TABS} current={current} label="What to import" />;
}
