import path from 'node:path';
import type { Chunk, Compilation, Compiler, Module } from 'webpack';
import { isRspack, rspackPersistentCacheDirectory, validateOptions } from '@packwise/core';
import { identifierOf } from './bundler-compat';
import { resolveFrameworkRoots } from './framework';
import { assignStableModuleIds, assignStableModuleIdsRspack, stableModuleName } from './module-ids';
import { resolveOptions } from './options';
import type { ResolvedOptions, VendorChunksOptions } from './options';
import { optionsSchema } from './options-schema';
import { createPackageIdentifier, readPackageJsonFromDisk } from './package-identity';
import { collectParts } from './parts';
import type { CollectedParts } from './parts';
import { planChunks } from './plan';
import { PlanCache, planInputsDigest } from './plan-cache';
import { DiskPlanStore, PLAN_DIRECTORY } from './plan-store';
import type { Plan } from './plan';
import { buildReport, reportLines } from './report';
import { precomputedGroups } from './rspack-groups';
import { orderPlannedChunksInAssets } from './rspack-order';
import { findConflicts, installCacheGroup } from './split-config';

/** Puts the planned chunks of every chunk group in name order, in the places they already hold. */
function sortPlannedChunks(compilation: Compilation, names: ReadonlySet<string>): void {
  for (const group of compilation.chunkGroups) {
    const places: number[] = [];
    group.chunks.forEach((chunk, index) => {
      if (chunk.name && names.has(chunk.name)) places.push(index);
    });
    const sorted = places
      .map((index) => group.chunks[index] as Chunk)
      .sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : 1));
    places.forEach((index, n) => (group.chunks[index] = sorted[n] as Chunk));
  }
}

/** Used for hooks, logger and error messages. */
export const PLUGIN_NAME = 'PackwiseVendorChunksPlugin';

/** What one compilation decided: which chunk each planned module goes to, and why. */
interface CompilationPlan {
  /** By module identifier: Rspack's module objects are proxies, its identifiers the same strings as webpack's. */
  assignment: Map<string, string>;
  collected: CollectedParts;
  plan: Plan;
}

/**
 * Splits node_modules into long-term-cacheable chunks named after the packages in them and the routes that use
 * them, so a route downloads no vendor code it does not use and an upgrade renames only the upgraded package.
 */
export class VendorChunksPlugin {
  private readonly options: ResolvedOptions;

  constructor(options: VendorChunksOptions = {}) {
    validateOptions<VendorChunksOptions>(optionsSchema, options, '@packwise/vendor-chunks');
    this.options = resolveOptions(options);
  }

  apply(compiler: Compiler): void {
    const { options } = this;
    const identify = createPackageIdentifier();
    const moduleName = (module: Module) => stableModuleName(module, compiler, identify);
    const plans = new WeakMap<Compilation, CompilationPlan>();
    let current: CompilationPlan | undefined;
    let frameworkRoots: Set<string> | undefined;
    const userChoseModuleIds = compiler.options.optimization.moduleIds !== undefined;
    const rspack = isRspack(compiler);

    // Applied before the bundler reads the optimization options, so SplitChunksPlugin sees the cache group.
    // On Rspack a JavaScript `test` is a call from Rust for every module: RegExps where they are exact.
    const nameOf = (module: Module) => current?.assignment.get(identifierOf(module));
    const precomputed = rspack ? precomputedGroups(options, nameOf) : undefined;
    const { conflicts, userGroups } = installCacheGroup(
      compiler.options.optimization,
      precomputed?.vendor ?? {
        test: (module) => current?.assignment.has(identifierOf(module)) ?? false,
        name: nameOf,
      },
      { stableModuleIds: options.stableModuleIds, rspack, shared: precomputed?.shared },
    );

    // Once per compiler, before the first build: resolving is asynchronous, planning is not.
    compiler.hooks.beforeCompile.tapPromise(PLUGIN_NAME, async () => {
      frameworkRoots ??= await resolveFrameworkRoots(
        compiler,
        options.framework,
        identify,
        readPackageJsonFromDisk,
      );
    });

    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      const warn = (message: string) =>
        compilation.warnings.push(new compiler.webpack.WebpackError(`${PLUGIN_NAME}: ${message}`));
      conflicts.forEach(warn);
      for (const name of options.deprecated)
        warn(`options.${name} is deprecated and ignored: chunks follow the routes that use them; remove it`);

      // Rspack's getCache is memory-only: with its persistent cache on, the plan goes to a file beside that
      // cache, so that a new process reuses it as webpack's filesystem cache does.
      const rspackCache = rspack ? rspackPersistentCacheDirectory(compiler) : undefined;
      const planCache = new PlanCache(
        rspackCache
          ? new DiskPlanStore(path.join(path.dirname(rspackCache), PLAN_DIRECTORY))
          : compilation.getCache(PLUGIN_NAME),
      );
      compilation.hooks.finishModules.tapPromise(PLUGIN_NAME, () => planCache.load());
      compilation.hooks.afterSeal.tapPromise(PLUGIN_NAME, () => planCache.store());

      // Before SplitChunksPlugin, once per compilation. webpack: in optimizeChunks before STAGE_ADVANCED (it may
      // run the hook in a loop). Rspack has no optimizeChunks hook for JavaScript; its optimizeModules comes
      // after the chunk graph is built and before its split chunks run.
      const planHook = () => {
        if (plans.has(compilation)) return;
        const collected = collectParts(compilation, {
          identify,
          frameworkRoots: frameworkRoots ?? new Set(),
          moduleName,
          sharedAppModules: options.sharedAppModules,
        });
        const { parts, routes, chunkSizes } = collected;
        const { plan, reused } = planCache.plan(planInputsDigest(parts, routes, chunkSizes, options), () =>
          planChunks(parts, routes, chunkSizes, options),
        );
        if (reused)
          compilation.getLogger(PLUGIN_NAME).log('the parts and routes are unchanged: reused the plan');
        plan.warnings.forEach(warn);
        const assignment = new Map<string, string>();
        collected.modules.forEach((modules, part) => {
          const chunk = plan.chunkOfPart[part];
          if (chunk) for (const module of modules) assignment.set(identifierOf(module), chunk);
        });
        const vendorModules = collected.modules.flatMap((modules, part) =>
          collected.parts[part]?.kind === 'vendor'
            ? modules.map((module) => ({
                module,
                packageName: identify(module.nameForCondition() as string)?.name ?? '',
              }))
            : [],
        );
        findConflicts(userGroups, vendorModules, compilation).forEach(warn);
        current = { assignment, collected, plan };
        plans.set(compilation, current);
      };
      if (rspack) {
        compilation.hooks.optimizeModules.tap(PLUGIN_NAME, () => {
          planHook();
        });
        compilation.hooks.processAssets.tap(
          { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
          () => {
            const planned = plans.get(compilation);
            if (planned)
              orderPlannedChunksInAssets(
                compilation,
                new Set(planned.plan.chunks.map((chunk) => chunk.name)),
              );
          },
        );
      } else {
        compilation.hooks.optimizeChunks.tap({ name: PLUGIN_NAME, stage: -100 }, planHook);
        // After SplitChunksPlugin: it inserts chunks in an order that follows their sizes, which would change
        // the parents' `Promise.all([...])` and file order with any upgrade. Planned chunks go in name order.
        // (Rspack's chunk groups cannot be reordered from JavaScript; it orders split chunks by name itself.)
        compilation.hooks.optimizeChunks.tap({ name: PLUGIN_NAME, stage: 20 }, () => {
          const planned = plans.get(compilation);
          if (planned)
            sortPlannedChunks(compilation, new Set(planned.plan.chunks.map((chunk) => chunk.name)));
        });
      }

      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compilation, plans.get(compilation)),
      );
    });

    if (options.stableModuleIds && !userChoseModuleIds) {
      // `compilation`, not `thisCompilation`: child compilations (html-webpack-plugin's) need ids too.
      compiler.hooks.compilation.tap(PLUGIN_NAME, (compilation) => {
        if (rspack)
          compilation.hooks.beforeModuleIds.tap(PLUGIN_NAME, (modules: Iterable<Module>) =>
            assignStableModuleIdsRspack(modules, moduleName),
          );
        else
          compilation.hooks.moduleIds.tap(PLUGIN_NAME, () => assignStableModuleIds(compilation, moduleName));
      });
    }
  }

  private report(compilation: Compilation, planned: CompilationPlan | undefined): void {
    if (!planned) return;
    const report = buildReport(compilation, this.options.strategy, planned.collected, planned.plan);
    const logger = compilation.getLogger(PLUGIN_NAME);
    for (const line of reportLines(report)) logger.log(line);
    if (this.options.report) {
      const { RawSource } = compilation.compiler.webpack.sources;
      compilation.emitAsset(this.options.report, new RawSource(`${JSON.stringify(report, null, 2)}\n`));
    }
  }
}
