import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates `dir` and proves it writable by writing a file: permission bits say nothing when
 * running as root, nor on read-only mounts. Returns the reason when it is not writable.
 */
export async function checkWritableDir(dir: string): Promise<string | undefined> {
  const probe = join(dir, `.write-probe-${process.pid}-${Date.now()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return code ?? message;
  }
}
