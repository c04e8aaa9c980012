import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api-client';

/**
 * Puts the problem's per-field `errors` on the matching form `fields`. Returns the message for an
 * Alert when the error is not (only) about those fields, else null. `codeFields` maps an error code
 * without per-field errors (e.g. `username_taken`) onto the field it is about.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  codeFields: Readonly<Record<string, string>> = {},
): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const codeField = codeFields[error.code];
  if (!error.problem.errors?.length) {
    if (!codeField) return errorMessage(error);
    form.setFields([{ name: codeField, errors: [errorMessage(error)] }]);
    return null;
  }
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const { field, message } of error.problem.errors) {
    const name = normaliseField(field);
    if (known.has(name)) byField.set(name, [...(byField.get(name) ?? []), message]);
    else unmatched.push(message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (unmatched.length) return [errorMessage(error), ...unmatched].join('；');
  return byField.size ? null : errorMessage(error);
}

/** `/password`, `body.password`, `password[0]`, `boundary/coordinates/0` → the top-level field. */
function normaliseField(field: string): string {
  const trimmed = field.replace(/^\/+/, '').replace(/^body[./]/, '');
  return trimmed.split(/[./[]/)[0] ?? trimmed;
}
