import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error.js';
import { StallGuard } from './stall-guard.js';

describe('StallGuard', () => {
  it('passes results and errors through', async () => {
    const guard = new StallGuard(1000);
    try {
      expect(await guard.guard(Promise.resolve(1))).toBe(1);
      await expect(guard.guard(Promise.reject(new Error('x')))).rejects.toThrow('x');
    } finally {
      guard.dispose();
    }
  });

  it('fails a wait that never settles', async () => {
    const guard = new StallGuard(50, '超时了');
    try {
      const never = new Promise<never>(() => {});
      const error = await guard.guard(never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).code).toBe('stalled');
      expect((error as ImportFileError).message).toBe('超时了');
    } finally {
      guard.dispose();
    }
  });

  it('does not count time spent outside guarded waits', async () => {
    const guard = new StallGuard(50);
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await guard.guard(new Promise((resolve) => setTimeout(() => resolve('ok'), 10)))).toBe('ok');
    } finally {
      guard.dispose();
    }
  });
});
