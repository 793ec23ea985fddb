/** The two imports the programme office has, side by side under the one Import tab. */
export function ImportTabs({ current }: { current: 'actions' | 'measurements' }) {
  const tabs = [
    { key: 'actions', href: '#/import', label: 'Actions from a spreadsheet' },
    { key: 'measurements', href: '#/import/measurements', label: 'Scorecard figures from a CSV file' },
  ] as const;
  return (
    <nav className="import-tabs" aria-label="What to import">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a href={tab.href} aria-current={tab.key === current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
