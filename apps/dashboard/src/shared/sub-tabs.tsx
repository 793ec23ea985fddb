export interface SubTab<K extends string> {
  key: K;
  href: string;
  label: string;
}

/** Views that share one tab of the header (the two imports; meetings and the quarterly return), as links in a row under the heading. */
export function SubTabs<K extends string>({ tabs, current, label }: { tabs: readonly SubTab<K>[]; current: K; label: string }) {
  return (
    <nav className="sub-tabs" aria-label={label}>
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
