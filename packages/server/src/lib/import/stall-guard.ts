import { ImportFileError } from './import-file-error.js';

/**
 * Fails a wait that makes no progress for `timeoutMs`. Some malformed spreadsheets make the
 * parser stop without settling its promise; without this an import would hang for ever.
 * One interval timer serves every wait. (Deliberately not Promise.race against one long-lived
 * promise: each race leaves a reaction on it that keeps the raced value alive, which leaked every
 * row read.)
 */
export class StallGuard {
  private lastActivity = Date.now();
  private readonly pending = new Set<(error: Error) => void>();
  private readonly timer: NodeJS.Timeout;
  private failed: Error | undefined;

  constructor(timeoutMs: number, message = '读取文件超时，文件可能已损坏') {
    this.timer = setInterval(
      () => {
        if (this.pending.size === 0 || Date.now() - this.lastActivity <= timeoutMs) return;
        this.failed = new ImportFileError('stalled', message);
        for (const reject of this.pending) reject(this.failed);
        this.pending.clear();
        clearInterval(this.timer);
      },
      Math.max(10, Math.min(1000, timeoutMs / 4)),
    );
    this.timer.unref();
  }

  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    this.lastActivity = Date.now();
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      promise.then(
        (value) => {
          this.settle(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.settle(reject);
          reject(error);
        },
      );
    });
  }

  private settle(reject: (error: Error) => void): void {
    this.pending.delete(reject);
    this.lastActivity = Date.now();
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
