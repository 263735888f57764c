// Splits one build's time, from process start to the compiler closed, into phases: a mark at each webpack
// hook that bounds a step, the steps between consecutive marks, and each step's phase. Also times by plugin
// every tap of processAssets and of the seal hooks plugins spend time in (optimizeDependencies,
// optimizeChunks, optimizeChunkModules), and (with a cache) counts cache stores by cache name, i.e. the items
// a plugin computed anew. Put the plugin into the config's `plugins` (its `initialize` mark is "compiler
// created"), run and close the compiler, then call `result()`.

/** Used for every tap and for the cache item that makes the filesystem cache restore before `make`. */
export const PLUGIN_NAME = 'PackwiseBenchPhases';

/** The phases, in time order: the label of each and what it holds. */
export const PHASES = {
  setup: {
    label: 'setup',
    holds: 'process start → compiler created: node, webpack, the config file and what it requires',
  },
  restore: {
    label: 'restore',
    holds: 'run hooks and the filesystem cache restore (pack file, build dependencies)',
  },
  make: { label: 'make', holds: 'make → finishMake: resolving, loaders, parsing, child compilers' },
  seal: {
    label: 'seal',
    holds:
      'finishMake → processAssets OPTIMIZE_SIZE: chunk graph, split chunks, ids, code generation, hashing',
  },
  minify: { label: 'minify', holds: 'the processAssets OPTIMIZE_SIZE window: JS and CSS minimizers' },
  htmlHash: {
    label: 'html+hash',
    holds: 'processAssets OPTIMIZE_SIZE → OPTIMIZE_TRANSFER: HTML pages, inlining, real content hash',
  },
  compress: { label: 'compress', holds: 'the processAssets OPTIMIZE_TRANSFER window: gzip, brotli' },
  emitCache: {
    label: 'emit+cache',
    holds: 'ANALYSE/REPORT stages, writing the files, done hooks and compiler.close (cache store)',
  },
};

/**
 * The steps in time order: each ends at a mark (the name) and belongs to a phase. A mark that never fires
 * (e.g. no chunk assets) gives its step 0 ms and its time to the next step.
 */
const STEPS = [
  ['setup', 'setup'],
  ['runHooks', 'restore'],
  ['restore', 'restore'],
  ['make', 'make'],
  ['finishModules', 'seal'],
  ['optimizeDependencies', 'seal'],
  ['chunkGraph', 'seal'],
  ['optimizeModules', 'seal'],
  ['optimizeChunks', 'seal'],
  ['optimizeTreeAndIds', 'seal'],
  ['moduleHashes', 'seal'],
  ['codeGeneration', 'seal'],
  ['runtimeRequirements', 'seal'],
  ['hashing', 'seal'],
  ['moduleAssets', 'seal'],
  ['chunkAssets', 'seal'],
  ['processAssetsEarly', 'seal'],
  ['minify', 'minify'],
  ['htmlHash', 'htmlHash'],
  ['compress', 'compress'],
  ['report', 'emitCache'],
  ['afterSeal', 'emitCache'],
  ['emit', 'emitCache'],
  ['done', 'emitCache'],
  ['close', 'emitCache'],
];

const PHASE_OF_STEP = new Map(STEPS);

const FIRST = { name: PLUGIN_NAME, stage: -Infinity };
const LAST = { name: PLUGIN_NAME, stage: Infinity };
const round = (ms) => Math.round(ms * 10) / 10;

/**
 * A hook, or `undefined` where the bundler has none: Rspack throws on reading a webpack hook it lacks (its
 * seal runs in Rust), so on Rspack those marks never fire and their steps' time goes to the next mark.
 */
function hookOf(hooks, name) {
  try {
    return hooks[name];
  } catch {
    return undefined;
  }
}

/** A copy of a tap whose function reports its duration (until its callback or promise, if async). */
function timedTap(tap, record) {
  const { fn, type } = tap;
  const started = () => performance.now();
  if (type === 'sync')
    return {
      ...tap,
      fn: (...args) => {
        const t = started();
        try {
          return fn(...args);
        } finally {
          record(performance.now() - t);
        }
      },
    };
  if (type === 'promise')
    return {
      ...tap,
      fn: (...args) => {
        const t = started();
        return fn(...args).finally(() => record(performance.now() - t));
      },
    };
  return {
    ...tap,
    fn: (...args) => {
      const callback = args.pop();
      const t = started();
      fn(...args, (...results) => {
        record(performance.now() - t);
        callback(...results);
      });
    },
  };
}

export class PhasesPlugin {
  constructor() {
    /** @type {Map<string, number>} step name -> ms since process start (first time its hook fired) */
    this.marks = new Map();
    /** @type {Map<string, {hook: string, name: string, stage: number, phase: string, ms: number, calls: number}>} */
    this.taps = new Map();
    /** @type {Map<string, number>} cache name -> items stored */
    this.cacheStores = new Map();
  }

  mark(step) {
    if (!this.marks.has(step)) this.marks.set(step, performance.now());
  }

  apply(compiler) {
    const { hooks } = compiler;
    const { Compilation } = compiler.webpack;
    const mark = (step) => () => this.mark(step);
    hooks.initialize.tap(LAST, () => {
      this.mark('setup');
      if (compiler.options.cache) this.countCacheStores(compiler);
    });
    // Child compilers (html-webpack-plugin's) get copies of the taps of beforeCompile and finishMake, among
    // others: those run during the main `make` and must not end it.
    const main = (compilation) => compilation.compiler === compiler;
    hooks.beforeCompile.tap(FIRST, mark('runHooks'));
    // The pack file is opened when the compiler is created and awaited by the first cache read, in `make`:
    // reading one (absent) item here finishes the restore first, so that `make` holds no cache restore.
    hooks.beforeCompile.tapPromise(LAST, async () => {
      if (compiler.options.cache?.type === 'filesystem' && !this.marks.has('restore'))
        await compiler.getCache(PLUGIN_NAME).getPromise('restore', null);
    });
    hooks.make.tap(FIRST, mark('restore'));
    hooks.finishMake.tap(FIRST, (compilation) => main(compilation) && this.mark('make'));
    hooks.thisCompilation.tap(FIRST, (compilation) => this.applyToCompilation(compilation, Compilation));
    hooks.emit.tap(FIRST, mark('afterSeal'));
    hooks.afterEmit.tap(LAST, mark('emit'));
    hooks.shutdown.tap(FIRST, mark('done'));
  }

  applyToCompilation(compilation, Compilation) {
    const { hooks } = compilation;
    const mark = (step) => () => this.mark(step);
    hookOf(hooks, 'seal')?.tap(FIRST, mark('finishModules'));
    hookOf(hooks, 'afterOptimizeDependencies')?.tap(LAST, mark('optimizeDependencies'));
    hookOf(hooks, 'afterChunks')?.tap(LAST, mark('chunkGraph'));
    hookOf(hooks, 'afterOptimizeModules')?.tap(LAST, mark('optimizeModules'));
    hookOf(hooks, 'afterOptimizeChunks')?.tap(LAST, mark('optimizeChunks'));
    hookOf(hooks, 'beforeModuleHash')?.tap(FIRST, mark('optimizeTreeAndIds'));
    hookOf(hooks, 'beforeCodeGeneration')?.tap(FIRST, mark('moduleHashes'));
    hookOf(hooks, 'afterCodeGeneration')?.tap(LAST, mark('codeGeneration'));
    hookOf(hooks, 'beforeHash')?.tap(FIRST, mark('runtimeRequirements'));
    hookOf(hooks, 'afterHash')?.tap(LAST, mark('hashing'));
    hookOf(hooks, 'beforeChunkAssets')?.tap(FIRST, mark('moduleAssets'));
    const windows = [
      [FIRST.stage, 'chunkAssets'],
      [Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1, 'processAssetsEarly'],
      [Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1, 'minify'],
      [Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER - 1, 'htmlHash'],
      [Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER + 1, 'compress'],
    ];
    for (const [stage, step] of windows) hooks.processAssets.tap({ name: PLUGIN_NAME, stage }, mark(step));
    hookOf(hooks, 'afterProcessAssets')?.tap(FIRST, mark('report'));
    // A processAssets tap's phase: that of the step ending at the first of these marks above its stage.
    const phaseOf = (stage) => PHASE_OF_STEP.get(windows.find(([bound]) => stage < bound)?.[1] ?? 'report');
    for (const hook of ['optimizeDependencies', 'optimizeChunks', 'optimizeChunkModules'])
      this.timeTaps(hook, hookOf(hooks, hook), () => 'seal');
    this.timeTaps('processAssets', hooks.processAssets, phaseOf);
  }

  /**
   * Times every other tap of a hook, those made so far and those to come, by hook, plugin and stage, and
   * names the phase the tap's stage falls into (to check which plugin runs in which window).
   */
  timeTaps(hookName, hook, phaseOf) {
    hook?.intercept({
      name: PLUGIN_NAME,
      register: (tap) => {
        if (tap.name === PLUGIN_NAME) return tap;
        const stage = tap.stage ?? 0;
        const key = `${hookName}|${tap.name}|${stage}`;
        return timedTap(tap, (ms) => {
          const entry = this.taps.get(key) ?? {
            hook: hookName,
            name: tap.name,
            stage,
            phase: phaseOf(stage),
            ms: 0,
            calls: 0,
          };
          entry.ms += ms;
          entry.calls += 1;
          this.taps.set(key, entry);
        });
      },
    });
  }

  /** Counts stored cache items by cache name (`getCache(name)`; modules: `Compilation/modules`). */
  countCacheStores(compiler) {
    // Rspack's cache lives in Rust: no store hook to count.
    compiler.cache?.hooks?.store.tap(FIRST, (identifier) => {
      const name = identifier.split('|')[0];
      this.cacheStores.set(name, (this.cacheStores.get(name) ?? 0) + 1);
    });
  }

  /**
   * Steps and phases in milliseconds; call it when compiler.close has finished (`endMs`: then, in
   * performance.now() time). Phases add up to `processMs` exactly.
   */
  result(endMs = performance.now()) {
    this.marks.set('close', endMs);
    const steps = {};
    const phases = Object.fromEntries(Object.keys(PHASES).map((phase) => [phase, 0]));
    let previous = 0;
    for (const [step, phase] of STEPS) {
      const at = this.marks.get(step);
      const ms = at === undefined ? 0 : at - previous;
      if (at !== undefined) previous = at;
      steps[step] = round(ms);
      phases[phase] += ms;
    }
    return {
      processMs: round(endMs),
      phases: Object.fromEntries(Object.entries(phases).map(([phase, ms]) => [phase, round(ms)])),
      steps,
      taps: [...this.taps.values()].map((tap) => ({ ...tap, ms: round(tap.ms) })).sort((a, b) => b.ms - a.ms),
      cacheStores: Object.fromEntries([...this.cacheStores].sort((a, b) => b[1] - a[1])),
    };
  }
}
