import type { Compilation, Compiler, Module } from 'webpack';
import { validateOptions } from '@packwise/core';
import { resolveFrameworkRoots } from './framework';
import { assignStableModuleIds, stableModuleName } from './module-ids';
import { BASE_REQUESTS, resolveOptions } from './options';
import type { ResolvedOptions, VendorChunksOptions } from './options';
import { optionsSchema } from './options-schema';
import { createPackageIdentifier, readPackageJsonFromDisk } from './package-identity';
import { planChunks } from './plan';
import type { PackageUsage, Plan } from './plan';
import { buildReport, reportLines } from './report';
import { findConflicts, installCacheGroup } from './split-config';
import { collectUsage } from './usage';

/** Used for hooks, logger and error messages. */
export const PLUGIN_NAME = 'PackwiseVendorChunksPlugin';

/** What one compilation decided: which chunk each vendor module goes to, and why. */
interface CompilationPlan {
  assignment: Map<Module, string>;
  packages: PackageUsage[];
  plan: Plan;
}

/** Splits node_modules into long-term-cacheable chunks named after the packages in them. */
export class VendorChunksPlugin {
  private readonly options: ResolvedOptions;

  constructor(options: VendorChunksOptions = {}) {
    validateOptions<VendorChunksOptions>(optionsSchema, options, '@packwise/vendor-chunks');
    this.options = resolveOptions(options);
  }

  apply(compiler: Compiler): void {
    const { options } = this;
    const identify = createPackageIdentifier();
    const plans = new WeakMap<Compilation, CompilationPlan>();
    let current: CompilationPlan | undefined;
    let frameworkRoots: Set<string> | undefined;
    const userChoseModuleIds = compiler.options.optimization.moduleIds !== undefined;

    // Applied before webpack reads the optimization options, so SplitChunksPlugin sees the cache group.
    const { conflicts, userGroups } = installCacheGroup(
      compiler.options.optimization,
      {
        test: (module) => current?.assignment.has(module) ?? false,
        name: (module) => current?.assignment.get(module),
      },
      options,
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

      // Before SplitChunksPlugin (STAGE_ADVANCED), once per compilation: it may run the hook in a loop.
      compilation.hooks.optimizeChunks.tap({ name: PLUGIN_NAME, stage: -100 }, () => {
        if (plans.has(compilation)) return;
        const { modules, packages } = collectUsage(compilation, identify, frameworkRoots ?? new Set());
        const plan = planChunks(packages, { ...options, reservedRequests: BASE_REQUESTS });
        plan.warnings.forEach(warn);
        const vendorModules = modules.map(({ module, identity }) => ({ module, packageName: identity.name }));
        findConflicts(userGroups, vendorModules, compilation).forEach(warn);
        const assignment = new Map(
          modules.map(({ module, identity }) => [
            module,
            plan.placements.get(identity.name)?.chunk as string,
          ]),
        );
        current = { assignment, packages, plan };
        plans.set(compilation, current);
      });

      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compilation, plans.get(compilation)),
      );
    });

    if (options.stableModuleIds && !userChoseModuleIds) {
      // `compilation`, not `thisCompilation`: child compilations (html-webpack-plugin's) need ids too.
      compiler.hooks.compilation.tap(PLUGIN_NAME, (compilation) => {
        compilation.hooks.moduleIds.tap(PLUGIN_NAME, () =>
          assignStableModuleIds(compilation, (module) => stableModuleName(module, compiler, identify)),
        );
      });
    }
  }

  private report(compilation: Compilation, planned: CompilationPlan | undefined): void {
    if (!planned) return;
    const report = buildReport(compilation, this.options.strategy, planned.packages, planned.plan);
    const logger = compilation.getLogger(PLUGIN_NAME);
    for (const line of reportLines(report)) logger.log(line);
    if (this.options.report) {
      const { RawSource } = compilation.compiler.webpack.sources;
      compilation.emitAsset(this.options.report, new RawSource(`${JSON.stringify(report, null, 2)}\n`));
    }
  }
}
