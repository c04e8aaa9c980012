import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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

/** Lock files this process holds: a lock naming our own pid is stale only if it is not one of these. */
const heldHere = new Set<string>();

/** One app instance per data dir: a second one would corrupt the embedded cluster. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.resolve(dataDir, 'fengqiao.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
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
      if (inUse) {
        throw new Error(
          `数据目录 ${dataDir} 正被另一个枫桥实例（进程 ${holder}）使用，拒绝启动。\n` +
            `Another Fengqiao instance (pid ${holder}) holds the data dir ${dataDir}; refusing to start.`,
        );
      }
      unlinkSync(file);
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}
