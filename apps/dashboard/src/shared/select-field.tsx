import { FieldErrorText } from './field-error-text';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select; `anyLabel` adds a first choice with the empty value (no filter, no choice); `error` shows GOV.UK's message above it. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  anyLabel?: string;
  className?: string;
  error?: string;
  onChange(value: string): void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className={`${props.className ?? 'field'}${props.error ? ' field-with-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <FieldErrorText id={errorId} message={props.error} />
      <select id={props.id} value={props.value} aria-describedby={props.error ? errorId : undefined} onChange={(e) => props.onChange(e.target.value)}>
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
