import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Compilation } from 'webpack';
import { isRspack } from '@packwise/core';

/** How many config digests are remembered: a few configs (branches, env switches) per project. */
export const KEEP_KNOWN = 8;
const KEY = 'known-valid';

/** Where Rspack builds remember them: its `getCache` lives in memory only. */
export const KNOWN_VALID_FILE = 'node_modules/.cache/packwise-budgets/known-valid.json';

/**
 * The digests of budgets configs that passed the schema in an earlier build, so that a warm rebuild skips
 * compiling it (ajv's first compile in a process costs about 170 ms on the example app; webpack has ajv warm from
 * validating its own config, Rspack does not). webpack keeps them in its cache (persistent with the filesystem
 * cache); Rspack in a small file under the project's node_modules/.cache. A missing or broken file is no list.
 */
export class KnownValidConfigs {
  private readonly file: string | undefined;

  constructor(private readonly compilation: Compilation) {
    const { compiler } = compilation;
    this.file = isRspack(compiler) ? path.join(compiler.context, KNOWN_VALID_FILE) : undefined;
  }

  async load(): Promise<string[]> {
    const digests = this.file
      ? await readFile(this.file, 'utf8').then(parseDigests, () => [])
      : await this.cache().getPromise<string[]>(KEY, null);
    return (digests ?? []).slice(-KEEP_KNOWN);
  }

  async add(known: string[], digest: string): Promise<void> {
    if (known.includes(digest)) return;
    const digests = [...known, digest].slice(-KEEP_KNOWN);
    if (!this.file) return this.cache().storePromise(KEY, null, digests);
    // Written whole and renamed into place, so that two builds at once never read half a file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(digests));
      await rename(temporary, this.file);
    } catch {
      // A read-only project: the schema is compiled again next time, nothing else changes.
    }
  }

  private cache() {
    return this.compilation.getCache('PackwiseBudgetsPlugin/config');
  }
}

function parseDigests(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
