import type { FormInstance } from 'antd';
import { ApiError } from '../../lib/api-client';
import { applyProblemToForm } from '../../lib/form-errors';

/**
 * Like `applyProblemToForm`, for forms that keep the address parts as flat fields: the server's
 * `/address/room` errors land on `room`.
 */
export function applyAddressProblem(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  codeFields: Readonly<Record<string, string>> = {},
): string | null {
  if (!(error instanceof ApiError) || !error.problem.errors?.length)
    return applyProblemToForm(form, error, fields, codeFields);
  const errors = error.problem.errors.map((e) => ({
    ...e,
    field: e.field.replace(/^\/?(body[./])?address[./]/, ''),
  }));
  return applyProblemToForm(form, new ApiError({ ...error.problem, errors }), fields, codeFields);
}
