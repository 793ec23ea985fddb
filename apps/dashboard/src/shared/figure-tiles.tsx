/** A row of headline figures, big enough to read from the back of a meeting room. */
export function FigureTiles({ figures, label }: { figures: { name: string; value: string | number }[]; label: string }) {
  return (
    <dl className="figure-tiles" aria-label={label}>
      {figures.map((f) => (
        <div className="figure-tile" key={f.name}>
          <dt>{f.name}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
