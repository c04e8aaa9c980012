import type { ImportReport } from '@fengqiao/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportRequest, uploadImport } from './api';

export interface UploadState {
  /** check = a dry run; write = a commit. */
  kind: 'check' | 'write';
  /** upload: bytes are being sent; server: the file is sent and the server is working on it. */
  phase: 'upload' | 'server';
  loaded: number;
  total: number;
  /** When the current phase started (ms since the epoch). */
  since: number;
}

/**
 * One import request at a time, with its progress. A second call while one runs is refused (no
 * double submits); leaving the page aborts the request.
 */
export function useImportUpload() {
  const [state, setState] = useState<UploadState | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const run = useCallback(async (file: File, req: ImportRequest): Promise<ImportReport> => {
    if (controllerRef.current) throw new DOMException('An import is already running', 'AbortError');
    const controller = new AbortController();
    controllerRef.current = controller;
    const kind = req.mode === 'dry-run' ? 'check' : 'write';
    setState({ kind, phase: 'upload', loaded: 0, total: file.size, since: Date.now() });
    try {
      return await uploadImport(file, req, {
        signal: controller.signal,
        onUploadProgress: (loaded, total) =>
          setState((s) => (s && s.phase === 'upload' ? { ...s, loaded, total } : s)),
        onUploaded: () => setState((s) => s && { ...s, phase: 'server', loaded: s.total, since: Date.now() }),
      });
    } finally {
      controllerRef.current = null;
      setState(null);
    }
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  return { state, busy: state !== null, run, cancel };
}
