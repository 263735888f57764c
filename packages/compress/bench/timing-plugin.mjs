// Times the compression window of the main compilation: every contender compresses at
// PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, so the time from a tap just before that stage to one just after
// it is the compression alone. Also records the stages the contender's own processAssets taps run at, so
// the report can show that they fall inside the window.
const NAME = 'CompressTimingPlugin';

export class CompressTimingPlugin {
  /** @param {string[]} pluginNames constructor names of the contender's plugins */
  constructor(pluginNames) {
    this.pluginNames = new Set(pluginNames);
    this.windows = [];
    this.taps = [];
  }

  apply(compiler) {
    const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER;
    this.window = { from: stage - 1, to: stage + 1 };
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      const hook = compilation.hooks.processAssets;
      let started;
      hook.tapPromise({ name: NAME, stage: stage - 1 }, async () => {
        started = performance.now();
        this.taps = hook.taps
          .filter((tap) => this.pluginNames.has(tap.name))
          .map((tap) => ({ name: tap.name, stage: tap.stage ?? 0 }));
      });
      hook.tapPromise({ name: NAME, stage: stage + 1 }, async () => {
        this.windows.push(performance.now() - started);
      });
    });
  }

  /** Milliseconds spent inside the window (summed, should a build ever run processAssets twice). */
  get compressMs() {
    return this.windows.reduce((sum, ms) => sum + ms, 0);
  }

  /** The contender's taps that run outside the window (none expected). */
  get tapsOutsideWindow() {
    return this.taps.filter((tap) => tap.stage <= this.window.from || tap.stage >= this.window.to);
  }
}
