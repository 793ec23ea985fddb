export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select; `anyLabel` adds a first choice with the empty value (no filter, no choice). */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  anyLabel?: string;
  className?: string;
  onChange(value: string): void;
}) {
  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
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
