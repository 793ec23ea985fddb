import { FormEvent } from 'react';
import { GraphQLRequestError } from '../api/graphql-client';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { FieldErrorText } from '../shared/field-error-text';
import type { FormError } from '../shared/field-errors';

interface ImportFileFormProps {
  /** Ids and words of this import: the form's heading, the file box and what it takes. */
  headingId: string;
  heading: string;
  fileId: string;
  fileLabel: string;
  accept: string;
  errors: FormError[];
  refused: GraphQLRequestError | undefined;
  refusedTitle: string;
  sending: boolean;
  /** "Import 12 actions" once a check has passed; null until then. */
  importLabel: string | null;
  onFile: (file: File | null) => void;
  onRun: (dryRun: boolean) => void;
}

/**
 * Both imports ask the same of the programme office: choose a file, check it (nothing is
 * written), then import a file that passed. One form, so the two keep the same wording, error
 * pattern and buttons.
 */
export function ImportFileForm(props: ImportFileFormProps) {
  const { fileId, errors, sending, importLabel } = props;
  const fileError = errors.find((e) => e.field === 'file')?.message;
  return (
    <form
      noValidate
      aria-labelledby={props.headingId}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        props.onRun(true);
      }}
    >
      <h2 id={props.headingId}>{props.heading}</h2>
      <ErrorSummary errors={errors} headingLevel={3} />
      <div className={`field${fileError ? ' field-with-error' : ''}`}>
        <label htmlFor={fileId}>{props.fileLabel}</label>
        <FieldErrorText id={`${fileId}-error`} message={fileError} />
        <input
          id={fileId}
          type="file"
          accept={props.accept}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${fileId}-error` : undefined}
          onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {props.refused && <ErrorMessage error={props.refused} title={props.refusedTitle} />}
      <div className="button-group">
        <button type="submit" disabled={sending}>
          {sending ? 'Working…' : 'Check the file'}
        </button>
        {importLabel && (
          <button type="button" disabled={sending} onClick={() => props.onRun(false)}>
            {importLabel}
          </button>
        )}
      </div>
    </form>
  );
}
