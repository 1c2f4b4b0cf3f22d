import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';

export interface Watcher {
  /** Watch exactly these paths from now on (files and folders, absolute). */
  set(paths: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * Watch files and folders; call `onChange` with the changed files once a burst of events has
 * been quiet for `debounceMs` (an editor's save is often truncate + write + rename).
 *
 * chokidar drops a second `change` of the same file within 50 ms (index.js `_throttle`), so a
 * save written in two steps could end with the first, half-written state. After each burst the
 * files are checked once more when that window has passed, and reported again if they moved on.
 */
export async function watchFiles(paths: readonly string[], onChange: (files: string[]) => void, debounceMs = 30): Promise<Watcher> {
  // Folders are watched whole; a file is watched through its folder (depth 0), by name. A watch
  // on the file itself ends when the file is deleted or replaced (`git checkout`, editors that
  // save by rename), and a file that does not exist yet (a brand being created) is never seen.
  const trees: FSWatcher = watch([], { ignoreInitial: true, persistent: true });
  const parents: FSWatcher = watch([], { ignoreInitial: true, persistent: true, depth: 0 });
  let folders = new Set<string>();
  let files = new Set<string>();
  let parentDirs = new Set<string>();
  let burst = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let recheck: NodeJS.Timeout | undefined;
  let closed = false;

  const isFolder = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const apply = (next: readonly string[]) => {
    const wantFolders = new Set(next.filter(isFolder));
    const wantFiles = new Set(next.filter((p) => !wantFolders.has(p)));
    const wantParents = new Set([...wantFiles].map((f) => dirname(f)));
    const diff = (w: FSWatcher, had: Set<string>, want: Set<string>) => {
      const gone = [...had].filter((p) => !want.has(p));
      const added = [...want].filter((p) => !had.has(p));
      if (gone.length) w.unwatch(gone);
      if (added.length) w.add(added);
    };
    diff(trees, folders, wantFolders);
    diff(parents, parentDirs, wantParents);
    folders = wantFolders;
    files = wantFiles;
    parentDirs = wantParents;
  };
  const wanted = (file: string) =>
    files.has(file) || [...folders].some((d) => file === d || file.startsWith(d.endsWith(sep) ? d : d + sep));

  const signature = async (file: string) => {
    try {
      const s = await stat(file);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'missing';
    }
  };
  const flush = async () => {
    timer = undefined;
    const files = [...burst];
    burst = new Set();
    if (closed || files.length === 0) return;
    const seen = await Promise.all(files.map(signature));
    onChange(files);
    clearTimeout(recheck);
    recheck = setTimeout(() => {
      void Promise.all(files.map(signature)).then((now) => {
        const moved = files.filter((_, i) => now[i] !== seen[i]);
        if (moved.length && !closed) onChange(moved);
      });
    }, 80);
  };
  const event = (path: string) => {
    const file = resolve(path);
    if (!wanted(file)) return;
    burst.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  for (const w of [trees, parents]) w.on('change', event).on('add', event).on('unlink', event);
  // chokidar says 'ready' only for a watcher started with paths: wait for those that have some.
  const ready = (w: FSWatcher, has: boolean) => (has ? new Promise<void>((done) => w.once('ready', () => done())) : undefined);
  apply(paths);
  await Promise.all([ready(trees, folders.size > 0), ready(parents, parentDirs.size > 0)]);

  return {
    set: apply,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(recheck);
      await Promise.all([trees.close(), parents.close()]);
    },
  };
}
