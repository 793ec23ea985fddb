import { useEffect, useRef } from 'react';
import type { FormError } from './field-errors';

/**
 * The GOV.UK error summary: what is wrong, each linking to its field, and focused when it
 * appears so a screen reader says it and a phone scrolls to it. The page routes by the address's
 * hash, so a link moves focus itself instead of changing the address. The heading sits one level
 * below the form's own, so the page's outline stays in order.
 */
export function ErrorSummary({ errors, headingLevel = 4 }: { errors: FormError[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} data-error-summary>
      <div role="alert">
        <Heading className="error-summary-title">There is a problem</Heading>
        <ul>
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <a
                href={`#${e.targetId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(e.targetId);
                  // The legend or label above the box stays in view, as GOV.UK's own script does.
                  target?.closest('.field')?.scrollIntoView({ block: 'start' });
                  target?.focus({ preventScroll: true });
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
