import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BideckError } from '../errors.js';
import { MANIFEST, STAGE_PREFIX, claimOutputFolder, removeStale, writeManifest } from './output-folder.js';
import type { ClaimOptions, OutputClaim } from './output-folder.js';

/**
 * A build writes into a staging folder and moves its files in at the end, so a failed build
 * (bad data, a browser crash, a full disk) leaves the previous output exactly as it was.
 * Only the files bideck wrote are ever replaced (output-folder.ts); the user's own files in
 * the folder stay. The stage lives beside the output folder (inside it when that is a mount
 * point), so every move is a rename on one file system; a new output folder is renamed into
 * place whole.
 */
export class StagedOutput {
  private readonly written: string[] = [];

  /** A build ended by a signal (Ctrl-C exits from puppeteer's handler) takes its stage with it. */
  private readonly onExit = () => rmSync(this.stageDir, { recursive: true, force: true });

  private constructor(
    private readonly claim: OutputClaim,
    readonly stageDir: string,
  ) {
    process.once('exit', this.onExit);
  }

  get outDir(): string {
    return this.claim.dir;
  }

  static async open(outDir: string, options: ClaimOptions): Promise<StagedOutput> {
    const claim = await claimOutputFolder(outDir, options);
    // Beside the output folder, so even a build killed outright (SIGKILL) leaves the folder
    // itself as it was; inside it only when it is a mount point, where a sibling would be on
    // another file system and the moves could not be renames.
    const inside = claim.exists && (await isMountPoint(claim.dir));
    const home = inside ? claim.dir : dirname(claim.dir);
    const prefix = inside ? STAGE_PREFIX : `.${basename(claim.dir)}.tmp-`;
    try {
      await mkdir(home, { recursive: true });
      await removeAbandoned(home, prefix);
      const stage = await mkdtemp(join(home, `${prefix}${process.pid}-`));
      // mkdtemp makes the folder private (0700); the output is an ordinary, shareable folder.
      await chmod(stage, 0o755);
      return new StagedOutput(claim, stage);
    } catch (cause) {
      throw ioError(`cannot create the output folder ${claim.dir}`, cause);
    }
  }

  /** Write a file into the stage; `name` is relative to the output folder. */
  async write(name: string, data: string | Uint8Array): Promise<string> {
    if (this.written.includes(name) || name === MANIFEST) {
      // Two outputs with one name would silently lose one of them (issue 10: `meta.id: review`).
      throw new BideckError('internal', `two outputs of this build are both named ${name}`);
    }
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

  /** Move the stage's files into the output folder; on any failure put the old ones back. */
  async commit(): Promise<void> {
    const { dir, exists, previous } = this.claim;
    try {
      if (!exists) {
        await writeManifest(this.stageDir, this.written);
        await rename(this.stageDir, dir);
        return;
      }
      await this.moveIn(dir);
      await removeStale(dir, previous, this.written);
      await writeManifest(dir, this.written);
    } catch (cause) {
      throw ioError(`cannot replace the files in ${dir}`, cause);
    }
  }

  private async moveIn(dir: string): Promise<void> {
    const backup = join(this.stageDir, '.old');
    const moved: { name: string; saved: boolean }[] = [];
    try {
      for (const name of this.written) {
        const target = join(dir, name);
        await mkdir(dirname(target), { recursive: true });
        const saved = (await lstat(target).catch(() => undefined)) !== undefined;
        if (saved) {
          await mkdir(dirname(join(backup, name)), { recursive: true });
          await rename(target, join(backup, name));
        }
        moved.push({ name, saved });
        await rename(join(this.stageDir, name), target);
      }
    } catch (cause) {
      for (const { name, saved } of moved.reverse()) {
        await rm(join(dir, name), { force: true }).catch(() => undefined);
        if (saved) await rename(join(backup, name), join(dir, name)).catch(() => undefined);
      }
      throw cause;
    }
  }

  async discard(): Promise<void> {
    process.off('exit', this.onExit);
    await rm(this.stageDir, { recursive: true, force: true });
  }
}

async function isMountPoint(dir: string): Promise<boolean> {
  const [here, parent] = await Promise.all([stat(dir), stat(dirname(dir))]);
  return here.dev !== parent.dev;
}

/** Stages of builds that were killed (Ctrl-C, kill -9) are left behind; clear them. */
async function removeAbandoned(home: string, prefix: string): Promise<void> {
  const names = (await readdir(home)).filter((n) => n.startsWith(prefix));
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(join(home, name), { recursive: true, force: true });
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
