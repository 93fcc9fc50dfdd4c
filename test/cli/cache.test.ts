// --cache: same output as a cold run, and never stale.

import { mkdtempSync, utimesSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylint-cache-'));
  writeFileSync(join(dir, 'a.md'), '# 服务说明\n\n本说明适用于【公司名称】。\n');
  writeFileSync(join(dir, 'b.md'), '# 服务说明\n\n热线电话提供服务。\n');
});

const json = async (args: string[] = []) => (await runCli(['--format', 'json', '--cache', ...args], dir)).stdout;

describe('--cache', () => {
  it('writes .policylintcache and gives the cold run\'s output', async () => {
    const cold = (await runCli(['--format', 'json'], dir)).stdout;
    expect(await json()).toBe(cold);
    expect(existsSync(join(dir, '.policylintcache'))).toBe(true);
    expect(await json()).toBe(cold);
  });

  it('sees a changed file of the same size', async () => {
    await json();
    const file = join(dir, 'b.md');
    const before = readFileSync(file, 'utf8');
    const changed = before.replace('热线电话提供服务', '热线电话XX服务');
    expect(changed.length).toBe(before.length);
    writeFileSync(file, changed);
    expect(JSON.parse((await json())).summary.errors).toBe(2);
  });

  it('hits for a touched file whose content is the same', async () => {
    const first = await json();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'a.md'), later, later);
    expect(await json()).toBe(first);
  });

  it('is invalidated by a config change', async () => {
    await json();
    writeFileSync(join(dir, '.policylintrc.json'), JSON.stringify({ rules: { placeholder: 'warning' } }));
    expect(JSON.parse((await json())).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('survives a corrupt cache file', async () => {
    writeFileSync(join(dir, '.policylintcache'), '{ not json');
    const run = await runCli(['--format', 'json', '--cache'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).summary.errors).toBe(1);
  });
});
