import { FieldErrorText } from './field-error-text';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  /** Lines for a box that takes a paragraph; a one-line box without. */
  rows?: number;
  onChange(value: string): void;
}

/** A GOV.UK text input or textarea: label, the error between it and the box when wrong, and the box marked invalid. */
export function TextField({ id, label, value, error, rows, onChange }: TextFieldProps) {
  const errorId = `${id}-error`;
  const box = { id, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };
  return (
    <div className={`field${error ? ' field-with-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldErrorText id={errorId} message={error} />
      {rows ? <textarea {...box} rows={rows} onChange={(e) => onChange(e.target.value)} /> : <input {...box} type="text" onChange={(e) => onChange(e.target.value)} />}
    </div>
  );
}
