import {
  formatMessage,
  type MessageKey,
  type MessageLocale,
  type MessageParams,
} from '@fengqiao/shared/messages';

/** A field's problem as thrown: a catalog key and its values, rendered in the request's language. */
export interface FieldError {
  field: string;
  key: MessageKey;
  params?: MessageParams;
  location?: ProblemLocation;
}

/** Where in a submitted geometry the error is (a boundary's crossing edges), for marking it on a map. */
export interface ProblemLocation {
  coordinate?: [number, number];
  segments?: [number, number];
}

/** A field's problem as answered (problem+json `errors[]`). */
export interface RenderedFieldError {
  field: string;
  message: string;
  location?: ProblemLocation;
}

export interface AppErrorOptions {
  /** The catalog key of the detail when it is not the code (one code said several ways). */
  key?: MessageKey;
  headers?: Record<string, string>;
}

/**
 * A typed, expected failure. The one error handler turns it into RFC 9457 problem+json, with the
 * detail and field messages from the catalog in the request's language. `message` is the Chinese
 * detail, for logs, the CLI and stored job failures.
 */
export class AppError extends Error {
  readonly key: MessageKey;
  readonly headers?: Record<string, string>;

  /** The code is the catalog key of the detail unless `options.key` names another. */
  constructor(
    status: number,
    code: MessageKey,
    params?: MessageParams,
    errors?: FieldError[],
    options?: AppErrorOptions,
  );
  constructor(
    status: number,
    code: string,
    params: MessageParams | undefined,
    errors: FieldError[] | undefined,
    options: AppErrorOptions & { key: MessageKey },
  );
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly errors?: FieldError[],
    options: AppErrorOptions = {},
  ) {
    const key = options.key ?? (code as MessageKey);
    super(formatMessage('zh-CN', key, params));
    this.name = 'AppError';
    this.key = key;
    this.headers = options.headers;
  }

  detail(locale: MessageLocale): string {
    return formatMessage(locale, this.key, this.params);
  }

  fieldErrors(locale: MessageLocale): RenderedFieldError[] | undefined {
    return this.errors && renderFieldErrors(this.errors, locale);
  }

  /**
   * RFC 9457 extension members sent beside the standard ones (e.g. the file header of an import
   * whose columns could not be matched). The route's problem schema must name them to be sent.
   */
  get extensions(): Record<string, unknown> | undefined {
    return undefined;
  }
}

export function renderFieldErrors(errors: FieldError[], locale: MessageLocale): RenderedFieldError[] {
  return errors.map((e) => ({
    field: e.field,
    message: formatMessage(locale, e.key, e.params),
    ...(e.location ? { location: e.location } : {}),
  }));
}

/** A text from a part that has no catalog keys yet, the same in every language. */
export const verbatim = (text: string) => ({ key: 'verbatim', params: { text } }) as const;

export type NotFoundKey = Extract<MessageKey, 'not_found' | `not_found.${string}`>;

export const notFound = (key: NotFoundKey = 'not_found') =>
  new AppError(404, 'not_found', undefined, undefined, { key });
export const forbidden = (key: MessageKey = 'forbidden', params?: MessageParams) =>
  new AppError(403, 'forbidden', params, undefined, { key });
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = (code: MessageKey, params?: MessageParams, options?: AppErrorOptions) =>
  new AppError(409, code, params, undefined, options);
export const invalid = (
  code: MessageKey,
  params?: MessageParams,
  errors?: FieldError[],
  options?: AppErrorOptions,
) => new AppError(422, code, params, errors, options);
