import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** CPU time from /proc (Linux), in ms. Throughput swings with whatever else runs; CPU per request far less. */
const MS_PER_TICK = 10; // CLK_TCK = 100 on Linux

function parseStat(text) {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = (i) => Number(fields[i]);
  return {
    ppid: ticks(1),
    ms: (ticks(11) + ticks(12)) * MS_PER_TICK,
    reapedChildrenMs: (ticks(13) + ticks(14)) * MS_PER_TICK,
  };
}

/** This whole process (all threads). */
export const processCpuMs = () => parseStat(readFileSync('/proc/self/stat', 'utf8')).ms;

/** The calling thread only (call it from the load worker to subtract the load generator). */
export const threadCpuMs = () => parseStat(readFileSync('/proc/thread-self/stat', 'utf8')).ms;

export function postmasterPidOf(dataDir) {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * The postmaster and its children (backends of both pools, background workers). A backend that
 * exits (idle pool client closed) moves its time into the postmaster's reaped-children counters.
 */
export function clusterCpuMs(postmasterPid) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (Number(entry) === postmasterPid) total += stat.ms + stat.reapedChildrenMs;
      else if (stat.ppid === postmasterPid) total += stat.ms;
    } catch {
      // the process ended between readdir and read
    }
  }
  return total;
}
