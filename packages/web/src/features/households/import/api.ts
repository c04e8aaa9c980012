import type { ImportJob, ImportProblem, Problem } from '@fengqiao/shared';
import type { ImportMode } from '@fengqiao/shared/rules';
import { ApiError, api, buildUrl, isAbort, send } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, toMapping } from './fields';

export type CoordSystem = 'wgs84' | 'gcj02';

export interface ImportRequest {
  mode: ImportMode;
  coordSystem: CoordSystem;
  /** Omitted: the server suggests one from the header (and returns it in the report). */
  mapping?: ImportMapping;
  /** The header's row (1-based); omitted: the server finds it past any title rows. */
  headerRow?: number;
}

export interface UploadCallbacks {
  /** Bytes sent so far. */
  onUploadProgress?: (loaded: number, total: number) => void;
  /** The whole file has been sent; the server is now checking or writing. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

function problemError(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page)
  }
  if (isProblem(body))
    return new ApiError({ ...body, code: body.code ?? 'http_error', status: body.status ?? status });
  return new ApiError({
    type: 'about:blank',
    title: status === 413 ? i18n.t('householdImport.tooLarge') : i18n.t('errors.http', { status }),
    status,
    code: status === 413 ? 'file_too_large' : 'http_error',
  });
}

/**
 * POST /household-imports with the file's bytes as the body: answers the queued job (202). XMLHttpRequest
 * rather than fetch, because only XHR reports upload progress. Rejects with ApiError (or an AbortError
 * DOMException).
 */
export function uploadImport(file: Blob, req: ImportRequest, cb: UploadCallbacks = {}): Promise<ImportJob> {
  const url = buildUrl('/household-imports', {
    mode: req.mode,
    format: 'auto',
    coordSystem: req.coordSystem,
    mapping: req.mapping ? JSON.stringify(req.mapping) : undefined,
    headerRow: req.headerRow,
  });
  return new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => cb.signal?.removeEventListener('abort', abort);
    if (cb.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    cb.signal?.addEventListener('abort', abort);
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => cb.onUploadProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => cb.onUploaded?.();
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportJob);
        } catch {
          reject(problemError(xhr.status, ''));
        }
        return;
      }
      const error = problemError(xhr.status, xhr.responseText);
      // An expired session: let the shared client's handler send the user to the login page.
      if (error.status === 401) void send('/auth/me').catch(() => undefined);
      reject(error);
    };
    xhr.onerror = () => {
      done();
      reject(
        new ApiError({
          type: 'about:blank',
          title: i18n.t('errors.network'),
          status: 0,
          code: 'network_error',
        }),
      );
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    xhr.send(file);
  });
}

export const isFinished = (job: ImportJob) => job.status === 'succeeded' || job.status === 'failed';

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('The wait was cancelled', 'AbortError'));
    });
  });
}

/**
 * Polls GET /household-imports/{id} until the job is done, reporting each answer. A dropped connection
 * or a server restarting (no answer, 502/503) is waited out: the job goes on on the server.
 */
export async function waitForImportJob(
  id: string,
  options: { signal?: AbortSignal; onUpdate?: (job: ImportJob) => void; intervalMs?: number } = {},
): Promise<ImportJob> {
  for (;;) {
    try {
      const job = await api.get<ImportJob>(`/household-imports/${id}`, undefined, options.signal);
      options.onUpdate?.(job);
      if (isFinished(job)) return job;
    } catch (error) {
      if (isAbort(error)) throw error;
      if (!(error instanceof ApiError) || (error.status !== 0 && error.status < 500)) throw error;
    }
    await pause(options.intervalMs ?? 700, options.signal);
  }
}

/** A failed job's reason as the error a synchronous request would have thrown. */
export function jobError(job: ImportJob): ApiError {
  const failure = job.failure ?? { status: 500, code: 'import_failed', detail: '' };
  return new ApiError({ type: 'about:blank', title: failure.detail, ...failure });
}

/** What the server's `invalid_mapping` 422 says, to show the mapping step again. */
export interface MappingRejection {
  /** Its errors[]: what is missing or clashes, in Chinese. */
  problems: string[];
  /** The row taken as the header (1-based). */
  headerRow: number;
  /** The file's header row. */
  header: string[];
  /** The server's suggestion from the header. */
  suggestedMapping: ImportMapping;
  /** Required fields the checked mapping left without a column. */
  unmappedRequired: ImportField[];
}

/** The server's `invalid_mapping` 422 (ImportProblem), or null for any other error. */
export function mappingRejection(error: unknown): MappingRejection | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_mapping') return null;
  const problem = error.problem as ImportProblem;
  const messages = (problem.errors ?? []).map((e) => e.message);
  return {
    problems: messages.length ? messages : [problem.detail ?? problem.title],
    headerRow: problem.headerRow ?? 1,
    header: problem.header ?? [],
    suggestedMapping: toMapping(problem.suggestedMapping ?? {}),
    unmappedRequired: (problem.unmappedRequired ?? []).filter((f): f is ImportField =>
      (IMPORT_FIELDS as readonly string[]).includes(f),
    ),
  };
}
