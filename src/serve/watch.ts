import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
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
  const watcher: FSWatcher = watch([...paths], { ignoreInitial: true, persistent: true });
  let watched = new Set(paths);
  let burst = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let recheck: NodeJS.Timeout | undefined;
  let closed = false;

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
  const event = (file: string) => {
    burst.add(resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  watcher.on('change', event).on('add', event).on('unlink', event);
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));

  return {
    set(next) {
      const want = new Set(next);
      const gone = [...watched].filter((p) => !want.has(p));
      const added = [...want].filter((p) => !watched.has(p));
      if (gone.length) watcher.unwatch(gone);
      if (added.length) watcher.add(added);
      watched = want;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      clearTimeout(recheck);
      await watcher.close();
    },
  };
}
