import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf } from '@packwise/core';
import { bundler, compile, makeTempDir } from '@packwise/test-utils';
import { BudgetsPlugin } from '@packwise/budgets';
import { KNOWN_VALID_FILE } from '../../src/known-valid';

// A budgets config that passed the schema is not validated again while it stays the same: webpack remembers it
// in its cache, Rspack (memory-only getCache) in node_modules/.cache/packwise-budgets/known-valid.json.

const valid = { budgets: [{ path: '*.js', limit: '10 kB' }] };
// Only the schema rejects this one (an unknown key).
const schemaInvalid = { budgets: [{ path: '*.js', limit: '10 kB', colour: 'red' }] };

async function app(config: object): Promise<string> {
  const context = await makeTempDir('packwise-known-valid-');
  await mkdir(path.join(context, 'src'));
  await writeFile(path.join(context, 'src/index.js'), 'console.log("hello");\n');
  await writeFile(path.join(context, 'packwise.config.json'), JSON.stringify(config));
  return context;
}

const build = (context: string) =>
  compile({ context, mode: 'production', entry: './src/index.js', plugins: [new BudgetsPlugin()] });

describe(`known-valid budgets configs on ${bundler().name}`, () => {
  it('validates a config once and remembers its digest (in a file on Rspack only)', async () => {
    const context = await app(valid);
    const first = await build(context);
    expect(first.errors).toEqual([]);
    const file = path.join(context, KNOWN_VALID_FILE);
    if (!bundler().rspack) {
      expect(existsSync(file)).toBe(false);
      return;
    }
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([digestOf(valid)]);
    // A new compiler (as a new process would) with the same config: still one digest, no error.
    expect((await build(context)).errors).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([digestOf(valid)]);
  });

  it('checks a config against the schema when its digest is not known, even with a file of others', async () => {
    const context = await app(schemaInvalid);
    await mkdir(path.dirname(path.join(context, KNOWN_VALID_FILE)), { recursive: true });
    await writeFile(path.join(context, KNOWN_VALID_FILE), JSON.stringify([digestOf(valid)]));
    const result = await build(context);
    expect(result.errors).toEqual([expect.stringContaining("has an unknown property 'colour'")]);
  });

  it('on Rspack, a digest in the file is what skips the schema (proved with a config only the schema rejects)', async () => {
    if (!bundler().rspack) return;
    const context = await app(schemaInvalid);
    await mkdir(path.dirname(path.join(context, KNOWN_VALID_FILE)), { recursive: true });
    await writeFile(path.join(context, KNOWN_VALID_FILE), JSON.stringify([digestOf(schemaInvalid)]));
    expect((await build(context)).errors).toEqual([]);
    // A broken file is no list: the schema runs again.
    await writeFile(path.join(context, KNOWN_VALID_FILE), '{ not json');
    expect((await build(context)).errors).toEqual([
      expect.stringContaining("has an unknown property 'colour'"),
    ]);
  });
});
