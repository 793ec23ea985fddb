import { useLayoutEffect, useRef, useState } from 'react';
import { balancedColumns } from './balanced-columns';

/** The width a tile may not shrink below (`--tile-min`, a number of rem), in pixels. */
function tileMinimum(grid: HTMLElement): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return (parseFloat(getComputedStyle(grid).getPropertyValue('--tile-min')) || 9) * rem;
}

/**
 * A row of headline figures, big enough to read from the back of a meeting room. When they do
 * not fit on one row they wrap into rows of equal length (eight make two rows of four), never
 * one tile left alone on the last row.
 */
export function FigureTiles({ figures, label }: { figures: { name: string; value: string | number }[]; label: string }) {
  const grid = useRef<HTMLDListElement>(null);
  const [columns, setColumns] = useState(figures.length);

  useLayoutEffect(() => {
    const element = grid.current;
    if (!element) return;
    const measure = () => {
      const gap = parseFloat(getComputedStyle(element).columnGap) || 0;
      setColumns(balancedColumns(figures.length, element.clientWidth, tileMinimum(element), gap));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [figures.length]);

  return (
    <dl className="figure-tiles" aria-label={label} ref={grid} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {figures.map((f) => (
        <div className="figure-tile" key={f.name}>
          <dt>{f.name}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
