import { readFileSync } from 'node:fs';

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status (Linux only). */
export function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN);
  return { rssMb: round1(kb('VmRSS') / 1024), peakRssMb: round1(kb('VmHWM') / 1024) };
}

const round1 = (n) => Math.round(n * 10) / 10;
