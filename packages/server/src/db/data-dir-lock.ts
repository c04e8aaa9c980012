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

/** One app instance per data dir: a second one would corrupt the embedded cluster. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'fengqiao.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {}
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && isProcessAlive(holder)) {
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
