import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BideckError } from '../../src/errors.js';
import { parseYaml } from '../../src/load/yaml.js';
import { ROOT } from '../helpers/seed.js';

/**
 * parseYaml reads a valid file with js-yaml, and loads `yaml` and builds its document only when
 * asked (src/load/yaml.ts). `yaml` is the reference: whatever the file, parseYaml must give the
 * data `yaml` gives, or a BideckError where `yaml` finds the file invalid.
 */
function reference(text: string): { data: unknown } | { invalid: true } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) return { invalid: true };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { invalid: true };
  }
}

function agrees(text: string): void {
  const expected = reference(text);
  let got: { data: unknown } | { invalid: true };
  try {
    got = { data: parseYaml('gen.yaml', text).data };
  } catch (e) {
    if (!(e instanceof BideckError)) throw e;
    got = { invalid: true };
  }
  expect(got, text).toEqual(expected);
}

// Plain scalars the two parsers could read differently: YAML 1.1 forms that 1.2's core schema
// reads as text, numbers in every base and sign, null and boolean spellings, overflowing floats.
const TRICKY = [
  '1_000', '0o17', '017', '0x1F', '0b101', '-0x1', '+0o7', '+1', '-0', '.5', '0.', '1e3', '1E-3', '-1.5e+3', '1e400', '-1e999',
  '+.inf', '-.Inf', '.NaN', 'yes', 'No', 'on', 'OFF', 'y', '~', 'null', 'Null', 'NULL', 'true', 'True', 'tRue', 'FALSE',
  '2023-04-01', '2023-04-01T10:00:00Z', '12:30', '1:20:30', '007', '08', '1,000', '$10B', 'HK$1.2 billion', '3億元',
  '!!str 12', '!!int "12"', '!!binary aGVsbG8=', '<<', '=', '-', '0x', '0xG', '1e', 'e3', '"\\u00e9"', "'it''s'",
];
const word = fc.stringMatching(/^[A-Za-z一-鿿][A-Za-z0-9 一-鿿.,$%()/-]{0,12}$/).map((s) => s.trimEnd());
const scalar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY),
  word,
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''").replace(/\n/g, ' ')}'`),
);
const key = fc.oneof(fc.constantFrom('zh', 'en', 'title', 'null', '~', 'Null', '1', '0x1F', 'true', '"null"', "''", '"1e400"', 'a b'), word);

type Tree = { scalar: string } | { map: [string, Tree][] } | { seq: Tree[] } | { flow: string[] } | { alias: string };
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((s) => ({ scalar: s })),
    fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((seq) => ({ seq })),
    fc.array(scalar, { maxLength: 4 }).map((flow) => ({ flow })),
    fc.constantFrom('a', 'b').map((alias) => ({ alias })),
  ),
}));

/** The tree as YAML at `indent`; an anchor `&a` or `&b` on some nodes, so aliases may resolve. */
function render(t: Tree, indent: string, anchor: string): string[] {
  if ('scalar' in t) return [`${anchor}${t.scalar}`];
  if ('alias' in t) return [`*${t.alias}`];
  if ('flow' in t) return [`${anchor}[${t.flow.join(', ')}]`];
  const child = `${indent}  `;
  const lines: string[] = anchor ? [anchor.trimEnd()] : [];
  const entries = 'map' in t ? t.map : t.seq.map((v) => ['-', v] as [string, Tree]);
  entries.forEach(([k, v], i) => {
    const head = 'map' in t ? `${indent}${k}:` : `${indent}-`;
    const nested = render(v, child, i === 0 && !('alias' in v) ? '&a ' : i === 1 && !('alias' in v) ? '&b ' : '');
    if ('map' in v || 'seq' in v) lines.push(`${head} ${nested[0] ?? ''}`.trimEnd(), ...nested.slice(1));
    else lines.push(`${head} ${nested.join(' ')}`);
  });
  return lines;
}
const yamlText = tree.map((t) => `${render(t, '', '').join('\n')}\n`);

describe('parseYaml reads what yaml reads', () => {
  it('on generated files: the same data, or an error where yaml finds one', () => {
    fc.assert(fc.property(yamlText, (text) => agrees(text)), { numRuns: 1500 });
  });

  it('on each tricky scalar, as a value and as a key, plain and in a flow collection', () => {
    for (const t of TRICKY) for (const text of [`k: ${t}\n`, `${t}: v\n`, `k: [${t}, x]\n`, `k: {${t}: 1}\n`, `- ${t}\n`]) agrees(text);
  });

  it('on what js-yaml reads differently, by taking yaml\'s reading', () => {
    const cases: [string, unknown][] = [
      ['~: a\n', { '': 'a' }],
      ['k: {null: 1}\n', { k: { '': 1 } }],
      ['k: 1e400\n', { k: Infinity }],
      ['k: "1e400"\n', { k: '1e400' }],
      ['a: &x [1]\nb: *x\n', { a: [1], b: [1] }],
      ['k: !!binary aGVsbG8=\n', { k: Buffer.from('hello') }],
    ];
    for (const [text, data] of cases) expect(parseYaml('f.yaml', text).data, text).toEqual(data);
  });

  it('refuses what yaml refuses, with yaml\'s message and place', () => {
    const thrown = (text: string) => {
      try {
        parseYaml('f.yaml', text);
      } catch (e) {
        return e as BideckError;
      }
      throw new Error(`accepted: ${text}`);
    };
    expect(thrown('a: 1\na: 2\n').message).toContain('a key appears twice');
    expect(thrown('a: 1\na: 2\n').location).toMatchObject({ file: 'f.yaml', line: 2 });
    // An alias bomb: yaml's limit on expanded aliases, which js-yaml's reading would not have.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    expect(thrown(`${bomb}\n`)).toBeInstanceOf(BideckError);
  });
});

describe("yaml's document, built when asked for", () => {
  const text = 'meta:\n  id: d\n  brand: hkgov\nslides:\n  - title: { zh: 甲, en: A }\n';

  it('not for a clean file, whose build never loads yaml, until a place in it is asked for', () => {
    // In a process of its own: this one has loaded yaml for its reference reads.
    const script = `
      import { createRequire } from 'node:module';
      const { parseYaml } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'load', 'yaml.ts')).href)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/yaml/'));
      const source = parseYaml('d.yaml', ${JSON.stringify(text)}, { texts: true });
      const before = loaded();
      const at = source.locate(['meta', 'brand']);
      console.log(JSON.stringify({ before, after: loaded(), at, same: source.doc === source.doc }));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ before: false, after: true, at: { file: 'd.yaml', line: 3, column: 10 }, same: true });
  });

  it('locates a data path at its line and column', () => {
    const source = parseYaml('d.yaml', text, { texts: true });
    expect(source.data).toEqual({ meta: { id: 'd', brand: 'hkgov' }, slides: [{ title: { zh: '甲', en: 'A' } }] });
    expect(source.locate(['meta', 'brand'])).toEqual({ file: 'd.yaml', line: 3, column: 10 });
    expect(source.locate(['slides', 0, 'title', 'en'])).toEqual({ file: 'd.yaml', line: 5, column: 25 });
  });

  it('is the same document either way', () => {
    const quick = parseYaml('d.yaml', text);
    // A comment after a text sends the file to yaml at once (the comment check needs it).
    const full = parseYaml('d.yaml', text.replace('brand: hkgov', 'brand: hkgov #x'), { texts: true });
    expect(quick.doc.toJS()).toEqual(quick.data);
    expect(full.doc.get('meta')).toBeDefined();
    expect(String(quick.doc)).toBe(String(parseDocument(text)));
  });
});
