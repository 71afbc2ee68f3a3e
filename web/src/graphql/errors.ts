/**
 * Turns GraphQL errors into what a form shows: one summary, plus messages
 * attached to the inputs they are about.
 *
 * Server errors look like
 * `{ message, extensions: { code, fields?: [{ field, code, message }], requestId?, retryAfterSeconds? } }`.
 */

export interface FieldErrorDetail {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  /** Stable code of the first error, e.g. `VALIDATION_FAILED`; `NETWORK` when the server was not reached. */
  code: string;
  /** Localised messages for the form as a whole (already localised by the server). */
  messages: string[];
  /** Field-level errors as the server sent them. */
  fields: FieldErrorDetail[];
  requestId?: string;
  retryAfterSeconds?: number;
}

/** The parts of urql's `CombinedError` this module reads. */
export interface ErrorLike {
  graphQLErrors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> | null }>;
  networkError?: unknown;
}

export const NETWORK_ERROR_CODE = 'NETWORK';

function isFieldErrorDetail(value: unknown): value is FieldErrorDetail {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

/**
 * Reads an error into a `Problem`. Without GraphQL errors (no connection,
 * a proxy's HTML error page, …) the problem has code `NETWORK` and no
 * messages; the caller shows its own localised text for that.
 */
export function toProblem(error: ErrorLike | null | undefined): Problem | null {
  if (!error) return null;
  const graphQLErrors = error.graphQLErrors ?? [];
  if (graphQLErrors.length === 0) {
    return error.networkError ? { code: NETWORK_ERROR_CODE, messages: [], fields: [] } : null;
  }
  const problem: Problem = { code: '', messages: [], fields: [] };
  for (const gqlError of graphQLErrors) {
    const ext = gqlError.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL';
    if (!problem.code) problem.code = code;
    if (gqlError.message && !problem.messages.includes(gqlError.message)) {
      problem.messages.push(gqlError.message);
    }
    if (Array.isArray(ext.fields)) {
      for (const detail of ext.fields) {
        if (isFieldErrorDetail(detail)) {
          problem.fields.push({
            field: detail.field,
            code: typeof detail.code === 'string' ? detail.code : code,
            message: detail.message,
          });
        }
      }
    }
    if (problem.requestId === undefined && typeof ext.requestId === 'string') {
      problem.requestId = ext.requestId;
    }
    if (problem.retryAfterSeconds === undefined && typeof ext.retryAfterSeconds === 'number') {
      problem.retryAfterSeconds = ext.retryAfterSeconds;
    }
  }
  return problem;
}

export function hasErrorCode(error: ErrorLike | null | undefined, code: string): boolean {
  return (error?.graphQLErrors ?? []).some((e) => e.extensions?.code === code);
}

export interface MappedFieldErrors {
  /** Messages per form input, keyed by the form's own field names. */
  byField: Record<string, string[]>;
  /** Messages about fields the form does not show; they belong in the summary. */
  unmatched: string[];
}

/** Drops a leading `input.` and list indices: `input.deskIds[0]` → `deskIds`. */
function normaliseField(field: string): string {
  return field
    .trim()
    .replace(/^input\./, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\.\d+(?=\.|$)/g, '');
}

function lastSegment(field: string): string {
  const parts = field.split('.').filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

/**
 * Attaches field errors to a form's inputs.
 *
 * A server field name matches a form field when it is equal to it after
 * dropping a leading `input.` and list indices, when `aliases` maps it to one, or, for nested
 * names such as `organisation.new.name`, when its last segment does.
 */
export function mapFieldErrors(
  details: readonly FieldErrorDetail[],
  knownFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): MappedFieldErrors {
  const known = new Set(knownFields);
  const byField: Record<string, string[]> = {};
  const unmatched: string[] = [];
  for (const detail of details) {
    const full = normaliseField(detail.field);
    const last = lastSegment(full);
    const candidates = [aliases[full], full, aliases[last], last];
    const target = candidates.find((c): c is string => c !== undefined && known.has(c));
    if (target === undefined) {
      if (!unmatched.includes(detail.message)) unmatched.push(detail.message);
      continue;
    }
    const list = (byField[target] ??= []);
    if (!list.includes(detail.message)) list.push(detail.message);
  }
  return { byField, unmatched };
}

/** A problem found before anything was sent, in the same shape as the server's. */
export function clientValidationProblem(fields: FieldErrorDetail[]): Problem | null {
  return fields.length === 0 ? null : { code: 'VALIDATION_FAILED', messages: [], fields };
}
