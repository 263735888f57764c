import path from 'node:path';
import type { Compilation, Compiler, WebpackError } from 'webpack';
import type { Limiter } from '@packwise/core';
import { deltasOf } from './deltas';
import type { DictionaryFacts } from './deltas';
import type { DiskCache } from './disk-cache';
import { bufferOf } from './encode';
import { historyFolders, recordBuild } from './history';
import type { ResolvedDictionaries } from './options';
import type { Candidate } from './select';
import { PreviousVersions } from './versions';

/**
 * The `dictionaries` option across builds: reads the earlier versions once per compilation, computes each
 * dictionary asset's deltas, and after emit records the build in the history folder.
 */
export class DictionaryDeltas {
  private readonly versions = new WeakMap<Compilation, Promise<PreviousVersions>>();
  private readonly recorded = new WeakMap<Compilation, { name: string; content: Buffer }[]>();

  constructor(
    private readonly options: ResolvedDictionaries,
    private readonly name: string,
    private readonly error: (compilation: Compilation, message: string) => WebpackError,
  ) {}

  apply(compiler: Compiler): void {
    if (!this.options.history) return;
    compiler.hooks.afterEmit.tapPromise(this.name, async (compilation) => {
      const files = this.recorded.get(compilation);
      if (!files?.length) return;
      try {
        await recordBuild(this.history(compiler), compilation.hash ?? 'build', files, this.options.keep);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        compilation.warnings.push(
          this.error(compilation, `dictionaries.history: cannot record this build: ${message}`),
        );
      }
    });
  }

  /** Each dictionary asset's hash, match and deltas (not yet filtered by size: emit compares them). */
  async deltas(
    compilation: Compilation,
    candidates: Candidate[],
    limit: Limiter,
    disk?: DiskCache,
  ): Promise<Map<string, DictionaryFacts>> {
    const chosen = candidates.filter(({ name }) => this.options.test(name));
    if (chosen.length === 0) return new Map();
    const versions = await this.previousVersions(compilation);
    const cache = compilation.getCache(`${this.name}/dictionaries`);
    const files = this.recorded.get(compilation) ?? [];
    this.recorded.set(compilation, files);
    const facts = await Promise.all(
      chosen.map(async (candidate) => {
        const content = bufferOf(candidate.source);
        if (this.options.history) files.push({ name: candidate.name, content });
        return [
          candidate.name,
          await deltasOf(candidate, content, { versions, cache, disk, limit, level: this.options.level }),
        ] as const;
      }),
    );
    return new Map(facts);
  }

  private history(compiler: Compiler): string {
    return path.resolve(compiler.context, this.options.history as string);
  }

  private previousVersions(compilation: Compilation): Promise<PreviousVersions> {
    let loading = this.versions.get(compilation);
    if (!loading) {
      loading = this.load(compilation);
      this.versions.set(compilation, loading);
    }
    return loading;
  }

  private async load(compilation: Compilation): Promise<PreviousVersions> {
    const { compiler } = compilation;
    const folders = this.options.previous.map((folder) => path.resolve(compiler.context, folder));
    if (this.options.history) {
      const history = this.history(compiler);
      const output = compilation.outputOptions.path ?? compiler.outputPath;
      const inside = path.relative(output, history);
      if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
        compilation.errors.push(
          this.error(
            compilation,
            `dictionaries.history "${history}" is inside output.path "${output}": output.clean would remove it ` +
              'and it would be deployed; choose a folder outside it',
          ),
        );
      } else folders.push(...(await historyFolders(history, this.options.keep)));
    }
    const { versions, problems } = await PreviousVersions.load(folders);
    for (const problem of problems) {
      compilation.errors.push(
        this.error(compilation, `dictionaries.previous: ${problem} (a folder of an earlier build's output)`),
      );
    }
    return versions;
  }
}
