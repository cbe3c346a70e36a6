/**
 * CPU time of the processes behind a hub, read from /proc (Linux): which process listens on a
 * port (its socket's inode, found among the processes' open files), and the user + system time
 * a process has used so far (/proc/<pid>/stat).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU milliseconds (user + system) a process has used, or undefined once it is gone or unreadable. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The inodes of the sockets listening on these TCP ports (IPv4 and IPv6), by port. */
function listeningInodes(ports: Set<number>): Map<string, number> {
  const inodes = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      // local address "0100007F:0FA0", state 0A = LISTEN, inode in column 10
      const port = parseInt(columns[1]?.split(':')[1] ?? '', 16);
      if (columns[3] === '0A' && ports.has(port)) inodes.set(columns[9]!, port);
    }
  }
  return inodes;
}

/** The process listening on each of these ports, where this user may see it. */
export function pidsListeningOn(ports: number[]): Map<number, number> {
  const inodes = listeningInodes(new Set(ports));
  const found = new Map<number, number>();
  if (inodes.size === 0) return found;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      const port = inode ? inodes.get(inode) : undefined;
      if (port !== undefined && !found.has(port)) found.set(port, Number(entry));
    }
    if (found.size === inodes.size) break;
  }
  return found;
}
