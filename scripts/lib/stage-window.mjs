// Times one processAssets stage of the main compilation: a tap just before the stage (stage - 1) starts
// the clock, one just after it (stage + 1) stops it, so the window holds that stage's work alone. Also
// records every other processAssets tap, so a benchmark can check what ran inside the window.
export class StageWindowPlugin {
  /**
   * @param {string} stageName a `Compilation.PROCESS_ASSETS_STAGE_*` constant's name
   * @param {string} name the tap name
   */
  constructor(stageName, name) {
    this.stageName = stageName;
    this.name = name;
    this.windows = [];
    this.otherTaps = [];
  }

  apply(compiler) {
    const stage = compiler.webpack.Compilation[this.stageName];
    this.window = { from: stage - 1, to: stage + 1 };
    compiler.hooks.thisCompilation.tap(this.name, (compilation) => {
      const hook = compilation.hooks.processAssets;
      let started;
      hook.tapPromise({ name: this.name, stage: stage - 1 }, async () => {
        started = performance.now();
        this.otherTaps = hook.taps
          .filter((tap) => tap.name !== this.name)
          .map((tap) => ({ name: tap.name, stage: tap.stage ?? 0 }));
      });
      hook.tapPromise({ name: this.name, stage: stage + 1 }, async () => {
        this.windows.push(performance.now() - started);
      });
    });
  }

  /** Milliseconds inside the window (summed, should processAssets ever run twice). */
  get totalMs() {
    return this.windows.reduce((sum, ms) => sum + ms, 0);
  }

  /** Whether a stage lies strictly inside the window. */
  inside(stage) {
    return stage > this.window.from && stage < this.window.to;
  }
}
