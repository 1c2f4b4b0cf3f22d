import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BideckError } from '../errors.js';

/**
 * A build writes into a fresh sibling folder and swaps it in at the end, so a failed build
 * (bad data, a browser crash, a full disk) leaves the previous output exactly as it was.
 */
export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly stageDir: string,
    private readonly written: string[] = [],
  ) {}

  static async open(outDir: string): Promise<StagedOutput> {
    const target = resolve(outDir);
    const parent = dirname(target);
    try {
      await mkdir(parent, { recursive: true });
      await removeAbandoned(parent, basename(target));
      const stage = await mkdtemp(join(parent, `.${basename(target)}.tmp-${process.pid}-`));
      // mkdtemp makes the folder private (0700); the output is an ordinary, shareable folder.
      await chmod(stage, 0o755);
      return new StagedOutput(target, stage);
    } catch (cause) {
      throw ioError(`cannot create the output folder next to ${target}`, cause);
    }
  }

  /** Write a file into the stage; `name` is relative to the output folder. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    const file = join(this.stageDir, name);
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, data);
    } catch (cause) {
      throw ioError(`cannot write ${name}`, cause);
    }
    this.written.push(name);
    return file;
  }

  /** Final paths of what has been written so far. */
  files(): string[] {
    return this.written.map((n) => join(this.outDir, n));
  }

  /** Swap the stage in for the output folder. */
  async commit(): Promise<void> {
    const old = `${this.stageDir}-old`;
    try {
      await rename(this.outDir, old).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      await rename(this.stageDir, this.outDir);
    } catch (cause) {
      // Put the previous output back before reporting.
      await rename(old, this.outDir).catch(() => undefined);
      throw ioError(`cannot replace ${this.outDir}`, cause);
    }
    await rm(old, { recursive: true, force: true });
  }

  async discard(): Promise<void> {
    await rm(this.stageDir, { recursive: true, force: true });
  }
}

/** Stages of builds that were killed (Ctrl-C, kill -9) are left behind; clear them. */
async function removeAbandoned(parent: string, base: string): Promise<void> {
  const prefix = `.${base}.tmp-`;
  const names = (await readdir(parent)).filter((n) => n.startsWith(prefix));
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ioError(message: string, cause: unknown): BideckError {
  const code = (cause as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (cause as Error).message;
  return new BideckError('io', `${message}: ${why}`, { cause });
}
