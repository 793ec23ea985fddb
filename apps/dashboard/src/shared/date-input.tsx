import type { DatePart, DateParts } from './date-parts';

const BOXES: { part: DatePart; label: string }[] = [
  { part: 'day', label: 'Day' },
  { part: 'month', label: 'Month' },
  { part: 'year', label: 'Year' },
];

export interface DateFieldError {
  message: string;
  parts: DatePart[];
}

/** The id of the box an error summary links to: the first wrong one, or the day. */
export const firstBoxId = (id: string, error?: DateFieldError): string => `${id}-${error?.parts[0] ?? 'day'}`;

/**
 * The GOV.UK date input: Day, Month and Year boxes in a fieldset whose legend names the date,
 * with a hint and, when it is wrong, the error above the boxes and the wrong boxes marked.
 */
export function DateInput(props: {
  id: string;
  legend: string;
  /** Said before the example, e.g. "The date this update describes." */
  hint?: string;
  value: DateParts;
  error?: DateFieldError;
  className?: string;
  onChange(value: DateParts): void;
}) {
  const { id, error } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field date-field${error ? ' field-with-error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <fieldset role="group" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
        <legend>{props.legend}</legend>
        <p id={hintId} className="hint">
          {props.hint ? `${props.hint} ` : ''}For example, 27 3 2026
        </p>
        {error && (
          <p id={errorId} className="field-error">
            <span className="visually-hidden">Error:</span> {error.message}
          </p>
        )}
        <div className="date-input">
          {BOXES.map(({ part, label }) => (
            <div className="date-input-item" key={part}>
              <label htmlFor={`${id}-${part}`}>{label}</label>
              <input
                id={`${id}-${part}`}
                className={`date-input-${part}`}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error?.parts.includes(part) ? true : undefined}
                value={props.value[part]}
                onChange={(e) => props.onChange({ ...props.value, [part]: e.target.value })}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
