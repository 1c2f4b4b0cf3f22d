import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors.js';
import { runCli } from './helpers/cli.js';

describe('bideck --help', () => {
  it('lists every exit code bideck uses (README, Exit codes)', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(ExitCode.ok);
    const listed = run.stdout.slice(run.stdout.indexOf('Exit codes:'));
    const codes = new Set([...listed.matchAll(/(?<![\d.])(\d+)(?= )/g)].map((m) => Number(m[1])));
    for (const [kind, code] of Object.entries(ExitCode)) expect(codes.has(code), `${kind} (${code})`).toBe(true);
    for (const signal of [143, 129]) expect(codes.has(signal)).toBe(true); // SIGTERM, SIGHUP
  });
});
