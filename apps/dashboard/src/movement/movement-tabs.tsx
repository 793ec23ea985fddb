/** Two ways the board looks back, under the one What moved tab: meeting to meeting, and the quarter's return to the DfE. */
export function MovementTabs({ current }: { current: 'meetings' | 'return' }) {
  const tabs = [
    { key: 'meetings', href: '#/movement', label: 'Between board meetings' },
    { key: 'return', href: '#/movement/quarterly-return', label: 'DfE quarterly return' },
  ] as const;
  return (
    <nav className="import-tabs" aria-label="What moved views">
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
