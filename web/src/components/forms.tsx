import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import {
  mapFieldErrors,
  NETWORK_ERROR_CODE,
  toProblem,
  type ErrorLike,
  type FieldErrorDetail,
  type Problem,
} from '../graphql/errors';
import { useT } from '../i18n/LocaleProvider';

/** Problem and busy state of one form, with field errors attached to the form's inputs. */
export function useFormProblem(knownFields: readonly string[], aliases?: Readonly<Record<string, string>>) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // A form's field names and aliases never change, so the problem alone decides the mapping.
  const fields = useRef({ knownFields, aliases });
  const mapped = useMemo(
    () => mapFieldErrors(problem?.fields ?? [], fields.current.knownFields, fields.current.aliases),
    [problem],
  );
  /** Runs a mutation with the form marked busy: its data, or null once its problem is shown. */
  const submit = async <D,>(
    run: () => Promise<{ data?: D | null; error?: ErrorLike }>,
  ): Promise<D | null> => {
    setBusy(true);
    try {
      const result = await run();
      if (result.error || !result.data) {
        setProblem(toProblem(result.error));
        return null;
      }
      return result.data;
    } finally {
      setBusy(false);
    }
  };
  return {
    problem,
    setProblem,
    busy,
    submit,
    unmatched: mapped.unmatched,
    errorsFor: (field: string): string[] | undefined => mapped.byField[field],
  };
}

interface ErrorSummaryProps {
  problem: Problem | null;
  unmatched?: readonly string[];
}

/** A form's or page's error messages, announced when they appear. */
export function ErrorSummary({ problem, unmatched = [] }: ErrorSummaryProps) {
  const t = useT();
  if (!problem) return null;
  const lines: string[] = [];
  if (problem.code === NETWORK_ERROR_CODE) lines.push(t('web-error-network'));
  lines.push(...problem.messages);
  for (const message of unmatched) if (!lines.includes(message)) lines.push(message);
  if (lines.length === 0) lines.push(t('web-error-check-fields'));
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {problem.requestId ? (
        <p className="error-reference">{t('web-error-request-id', { id: problem.requestId })}</p>
      ) : null}
    </div>
  );
}

/** A success or information message, read out politely. */
export function Notice({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  if (!children) return null;
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

interface FormProps {
  onSubmit: () => void | Promise<void>;
  /** While true, further submits are ignored (the button stays focusable). */
  busy?: boolean;
  problem: Problem | null;
  unmatched?: readonly string[];
  children: ReactNode;
  className?: string;
  labelledBy?: string;
  testId?: string;
}

/**
 * A form without browser validation bubbles (their language is the
 * browser's, not the page's). When a problem appears, focus moves to the
 * first invalid input, else to the summary.
 */
export function Form({
  onSubmit,
  busy,
  problem,
  unmatched,
  children,
  className,
  labelledBy,
  testId,
}: FormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!problem) return;
    const form = ref.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('.error-summary');
    target?.focus();
  }, [problem]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void onSubmit();
  };
  return (
    <form
      ref={ref}
      noValidate
      onSubmit={submit}
      className={className ?? 'form'}
      aria-labelledby={labelledBy}
      data-testid={testId}
    >
      <ErrorSummary problem={problem} unmatched={unmatched} />
      {children}
    </form>
  );
}

interface FieldFrameProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors?: readonly string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

function FieldFrame({ id, label, required, hint, errors, children }: FieldFrameProps) {
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required ? (
          <span className="required-mark" aria-hidden="true">
            {t('web-field-required')}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
    </div>
  );
}

type CommonFieldProps = {
  label: string;
  hint?: string;
  errors?: readonly string[];
  required?: boolean;
};

export function TextField({
  label,
  hint,
  errors,
  required,
  id,
  ...input
}: CommonFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'required'>) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} errors={errors} required={required}>
      {(describedBy, invalid) => (
        <input
          id={inputId}
          type="text"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  errors,
  required,
  id,
  ...textarea
}: CommonFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'required'>) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} errors={errors} required={required}>
      {(describedBy, invalid) => (
        <textarea
          id={inputId}
          rows={4}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

export function SelectField({
  label,
  hint,
  errors,
  required,
  id,
  options,
  ...select
}: CommonFieldProps & { options: readonly SelectOption[] } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'required'
  >) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} errors={errors} required={required}>
      {(describedBy, invalid) => (
        <select
          id={inputId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  errors,
  id,
  ...input
}: Omit<CommonFieldProps, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
      <div className="field-checkbox">
        <input
          id={inputId}
          type="checkbox"
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          aria-invalid={errorId ? true : undefined}
          {...input}
        />
        <label htmlFor={inputId}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  /** Shown under the option's label and read with it. */
  hint?: string;
  lang?: string;
}

interface ChoiceGroupProps {
  legend: string;
  options: readonly ChoiceOption[];
  hint?: string;
  errors?: readonly string[];
  required?: boolean;
  /** One option per line, for long labels. */
  stacked?: boolean;
  testId?: string;
}

interface ChoiceGroupFrameProps extends ChoiceGroupProps {
  type: 'checkbox' | 'radio';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
  name?: string;
}

/** A fieldset of checkboxes or radio buttons, with the group's hint and errors linked to it. */
function ChoiceGroupFrame({
  legend,
  options,
  hint,
  errors,
  required,
  stacked,
  testId,
  type,
  isChecked,
  onToggle,
  name,
}: ChoiceGroupFrameProps) {
  const t = useT();
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const group = type === 'radio' ? 'radio-group' : 'checkbox-group';
  return (
    <fieldset
      className={errorId ? 'fieldset field-invalid' : 'fieldset'}
      // A required choice of one is a radiogroup, the role that can say it is required.
      role={type === 'radio' && required ? 'radiogroup' : undefined}
      aria-labelledby={type === 'radio' && required ? `${id}-legend` : undefined}
      aria-required={type === 'radio' && required ? true : undefined}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      data-testid={testId}
    >
      <legend id={`${id}-legend`}>
        {legend}
        {required ? (
          <span className="required-mark" aria-hidden="true">
            {t('web-field-required')}
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
      <div className={stacked ? `${group} choice-group-stacked` : group}>
        {options.map((option) => {
          const inputId = `${id}-${option.value}`;
          const optionHintId = option.hint ? `${inputId}-hint` : undefined;
          return (
            <div key={option.value} className="field-checkbox">
              <input
                id={inputId}
                type={type}
                name={name}
                value={option.value}
                checked={isChecked(option.value)}
                onChange={(e) => onToggle(option.value, e.target.checked)}
                aria-invalid={errorId ? true : undefined}
                aria-describedby={optionHintId}
              />
              <div className="choice-label">
                <label htmlFor={inputId} lang={option.lang}>
                  {option.label}
                </label>
                {option.hint ? (
                  <p id={optionHintId} className="field-hint">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Checkboxes for choosing any number of values. */
export function CheckboxGroup({
  selected,
  onChange,
  ...group
}: ChoiceGroupProps & { selected: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <ChoiceGroupFrame
      {...group}
      type="checkbox"
      isChecked={(value) => selected.includes(value)}
      onToggle={(value, checked) =>
        onChange(checked ? [...selected, value] : selected.filter((v) => v !== value))
      }
    />
  );
}

/** Radio buttons for choosing one value. */
export function RadioGroup({
  name,
  value,
  onChange,
  ...group
}: ChoiceGroupProps & { name: string; value: string; onChange: (value: string) => void }) {
  return (
    <ChoiceGroupFrame
      {...group}
      type="radio"
      name={name}
      isChecked={(option) => option === value}
      onToggle={(option, checked) => {
        if (checked) onChange(option);
      }}
    />
  );
}

export function SubmitButton({ busy, children }: { busy?: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      className="button button-primary"
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
    >
      {children}
    </button>
  );
}

export type FieldErrorList = FieldErrorDetail[];

/** Messages of a client-side check, in the shape of the server's field errors. */
export function requiredFields(values: Record<string, string>, message: string): FieldErrorList {
  return Object.entries(values)
    .filter(([, value]) => value.trim() === '')
    .map(([field]) => ({ field, code: 'REQUIRED', message }));
}
