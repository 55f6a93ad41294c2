// Peak resident memory of a process, or of a process and its descendants, from Linux's /proc. VmHWM is each
// process's own high-water mark, so reading it once at the end gives the peak without sampling.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** VmHWM of `pid` in bytes; undefined when the process is gone. */
export function peakResidentBytes(pid: number): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB$/m);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** `pid` and every live descendant. */
export function processTree(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  const children = readdirSync(tasks).flatMap((task) => {
    try {
      return readFileSync(`${tasks}/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return [pid, ...children.flatMap(processTree)];
}

/** The sum of every live process's VmHWM in the tree under `pid`, in bytes (an upper bound of the tree's peak). */
export function peakResidentBytesOfTree(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + (peakResidentBytes(member) ?? 0), 0);
}

export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}
