// `npm start` runs us as npm → sh → tsx → node. A SIGTERM sent to npm alone
// kills npm and sh but never reaches us, which would leave the stack (and its
// ports) running as an orphan. So we watch the processes that started us and
// stop when one of them goes away.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const parentOf = (pid: number): number | undefined => {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    try {
      return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Calls `onGone` once any of our nearest `depth` ancestors (never init) has exited. */
export function watchAncestors(onGone: () => void, depth = 3, intervalMs = 1000): () => void {
  const ancestors: number[] = [];
  let pid: number | undefined = process.ppid;
  while (pid !== undefined && pid > 1 && ancestors.length < depth) {
    ancestors.push(pid);
    pid = parentOf(pid);
  }
  const timer = setInterval(() => {
    if (ancestors.some((a) => !alive(a)) || process.ppid === 1) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
