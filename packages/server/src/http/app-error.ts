export interface FieldError {
  field: string;
  message: string;
  /** Where in a submitted geometry the error is (a boundary's crossing edges), for marking it on a map. */
  location?: { coordinate?: [number, number]; segments?: [number, number] };
}

/** A typed, expected failure. The one error handler turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /**
   * RFC 9457 extension members sent beside the standard ones (e.g. the file header of an import
   * whose columns could not be matched). The route's problem schema must name them to be sent.
   */
  get extensions(): Record<string, unknown> | undefined {
    return undefined;
  }
}

export const notFound = (what = '对象') => new AppError(404, 'not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError(403, 'forbidden', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录');
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const invalid = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(422, code, message, errors);
