import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The data dir is held by another live process, named so a caller may join the cluster it runs. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个枫桥实例（进程 ${holder}）使用，拒绝启动。\n` +
        `Another Fengqiao instance (pid ${holder}) holds the data dir ${dataDir}; refusing to start.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** Lock files this process holds: a lock naming our own pid is stale only if it is not one of these. */
const heldHere = new Set<string>();

/** One app instance per data dir: a second one would corrupt the embedded cluster. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.resolve(dataDir, 'fengqiao.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    // The pid is written first and linked into place, so a reader never sees an empty lock and takes it as stale.
    const draft = `${file}.${process.pid}`;
    writeFileSync(draft, String(process.pid), { mode: 0o600 });
    try {
      linkSync(draft, file);
      heldHere.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          try {
            unlinkSync(file);
          } catch {}
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      const inUse = holder === process.pid ? heldHere.has(file) : holder > 0 && isProcessAlive(holder);
      if (inUse) throw new DataDirInUseError(dataDir, holder);
      unlinkSync(file);
    } finally {
      unlinkSync(draft);
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}
