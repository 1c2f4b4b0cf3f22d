#!/usr/bin/env node
// src/ → lib/ (tsc: JavaScript and the library's types), then the bundle that bin/bideck.js
// and `import 'bideck'` run: lib/bundle/cli.js and lib/bundle/index.js.
//
// Why a bundle: an HTML-only build spent ≈ 0.1 s, a quarter of its whole process, resolving
// and compiling ≈ 100 of bideck's modules and ≈ 60 of its dependencies' (issue 15; README,
// Performance). esbuild joins them into a few files and keeps every dynamic import() a file
// of its own (`splitting`), so what bideck loads lazily (PDF export, serve, PowerPoint) still
// loads only when used.
//
// Only the packages an HTML-only build needs are bundled (BUNDLED, with whatever they import).
// Every other package stays an import Node resolves at run time, from node_modules as before:
// puppeteer, pdf-lib, pptxgenjs and the font tools load files and WebAssembly relative to
// themselves, and a package added later is not bundled until it is listed here.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = new Set(['commander', 'zod', 'handlebars', 'markdown-it', 'js-yaml', 'debug', 'sax']);

/** The package a bare specifier names: `zod/v4/core` → `zod`, `@scope/pkg/x` → `@scope/pkg`. */
const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

const onlyListedPackages = {
  name: 'only-listed-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      // Inside a bundled package, its own imports follow it into the bundle.
      if (/[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
      return BUNDLED.has(packageOf(args.path)) ? undefined : { external: true };
    });
  },
};

execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

const outdir = join(root, 'lib', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The command and the library entry ("main" in package.json), sharing their chunks.
  entryPoints: { cli: join(root, 'lib', 'cli.js'), index: join(root, 'lib', 'index.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [onlyListedPackages],
  // The bundled CommonJS packages call require() for Node's own modules; ES modules have none.
  banner: { js: "import { createRequire as bideckCreateRequire } from 'node:module'; const require = bideckCreateRequire(import.meta.url);" },
});
