import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its own box, so the page itself never does on a
 * phone. The box is a region named by the table's caption and takes keyboard focus, so it can
 * be scrolled with the arrow keys and a screen reader says what it holds.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
