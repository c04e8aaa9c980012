import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the process running the cluster says which port it listens on, for CLI verbs that join it. */
const portFile = (dataDir: string) => path.join(dataDir, 'pg.port');

export function writePortFile(dataDir: string, port: number): void {
  const draft = `${portFile(dataDir)}.${process.pid}`;
  writeFileSync(draft, `${process.pid} ${port}\n`, { mode: 0o644 });
  renameSync(draft, portFile(dataDir));
}

export function readPortFile(dataDir: string): { pid: number; port: number } | null {
  try {
    const [pid, port] = readFileSync(portFile(dataDir), 'utf8').trim().split(' ').map(Number);
    return pid && port ? { pid, port } : null;
  } catch {
    return null;
  }
}

export function removePortFile(dataDir: string): void {
  if (readPortFile(dataDir)?.pid !== process.pid) return;
  try {
    unlinkSync(portFile(dataDir));
  } catch {}
}
