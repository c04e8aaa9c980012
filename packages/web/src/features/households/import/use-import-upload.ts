import type { ImportJob } from '@fengqiao/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportRequest, uploadImport, waitForImportJob } from './api';

export interface UploadState {
  /** check = a dry run; write = a commit. */
  kind: 'check' | 'write';
  /** upload: bytes are being sent; server: the file is sent and its job runs on the server. */
  phase: 'upload' | 'server';
  loaded: number;
  total: number;
  /** When the current phase started (ms since the epoch). */
  since: number;
  /** The server's job, as last polled: its phase and progress. */
  job: ImportJob | null;
}

/**
 * One import at a time, with its progress: the upload, then the server's job, polled until it ends. A
 * second call while one runs is refused (no double submits); leaving the page stops the polling (the
 * job goes on; `resume` picks it up again by its id, e.g. after a reload).
 */
export function useImportUpload(options: { onQueued?: (jobId: string) => void } = {}) {
  const [state, setState] = useState<UploadState | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const onQueuedRef = useRef(options.onQueued);
  onQueuedRef.current = options.onQueued;

  useEffect(() => () => controllerRef.current?.abort(), []);

  const follow = useCallback(async (job: ImportJob, signal: AbortSignal): Promise<ImportJob> => {
    setState((s) => s && { ...s, phase: 'server', loaded: s.total, since: Date.now(), job });
    return waitForImportJob(job.id, {
      signal,
      onUpdate: (next) => setState((s) => s && { ...s, job: next }),
    });
  }, []);

  const start = useCallback((kind: UploadState['kind'], total: number) => {
    if (controllerRef.current) throw new DOMException('An import is already running', 'AbortError');
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ kind, phase: 'upload', loaded: 0, total, since: Date.now(), job: null });
    return controller;
  }, []);

  const finish = useCallback(() => {
    controllerRef.current = null;
    setState(null);
  }, []);

  /** Sends the file and follows its job to the end: answers the finished job (succeeded or failed). */
  const run = useCallback(
    async (file: File, req: ImportRequest): Promise<ImportJob> => {
      const controller = start(req.mode === 'dry-run' ? 'check' : 'write', file.size);
      try {
        const queued = await uploadImport(file, req, {
          signal: controller.signal,
          onUploadProgress: (loaded, total) =>
            setState((s) => (s && s.phase === 'upload' ? { ...s, loaded, total } : s)),
        });
        onQueuedRef.current?.(queued.id);
        return await follow(queued, controller.signal);
      } finally {
        finish();
      }
    },
    [start, follow, finish],
  );

  /** Follows a job already on the server (its id from the page's address). */
  const resume = useCallback(
    async (jobId: string): Promise<ImportJob> => {
      const controller = start('check', 0);
      try {
        return await waitForImportJob(jobId, {
          signal: controller.signal,
          onUpdate: (job) =>
            setState(
              (s) =>
                s && {
                  ...s,
                  kind: job.mode === 'dry-run' ? 'check' : 'write',
                  phase: 'server',
                  job,
                },
            ),
        });
      } finally {
        finish();
      }
    },
    [start, finish],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  return { state, busy: state !== null, run, resume, cancel };
}
