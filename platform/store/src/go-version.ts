import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StoreError } from './errors.js';

const MIN_MINOR = 22;

/**
 * The output of `go version`, run where the build will run so that a `toolchain` line or
 * GOTOOLCHAIN picks the same Go for both. Part of the binary's cache key.
 */
export async function goVersion(cwd: string): Promise<string> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('go', ['version'], { cwd, timeout: 60_000 }));
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string };
    if (code === 'ENOENT') {
      throw new StoreError(
        'GO_NOT_FOUND',
        'Go was not found on PATH; it is needed once to build the embedded store (FerretDB). ' +
          'Install Go 1.22 or newer (https://go.dev/dl/), or set MONGODB_URI to use an existing MongoDB server instead.',
      );
    }
    throw new StoreError('GO_NOT_FOUND', `\`go version\` failed: ${stderr?.trim() || String(error)}`, { cause: error });
  }
  const version = stdout.trim();
  const minor = /\bgo1\.(\d+)/.exec(version)?.[1];
  if (minor !== undefined && Number(minor) < MIN_MINOR) {
    throw new StoreError(
      'GO_TOO_OLD',
      `The embedded store needs Go 1.${MIN_MINOR} or newer to build, but PATH has "${version}". ` +
        'Install a newer Go (https://go.dev/dl/), or set MONGODB_URI to use an existing MongoDB server instead.',
    );
  }
  return version;
}
