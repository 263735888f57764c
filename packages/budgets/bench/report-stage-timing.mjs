// Times the PROCESS_ASSETS_STAGE_REPORT window of the main compilation: BudgetsPlugin checks at that stage,
// so the time from a tap just before it (REPORT - 1) to one just after it (REPORT + 1) is the plugin's own
// work plus whatever else taps that very stage (recorded in `taps`, and measured without the plugin too).
const NAME = 'ReportStageTimingPlugin';

export class ReportStageTimingPlugin {
  constructor() {
    this.windows = [];
    this.taps = [];
  }

  apply(compiler) {
    const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      const hook = compilation.hooks.processAssets;
      let started;
      hook.tapPromise({ name: NAME, stage: stage - 1 }, async () => {
        started = performance.now();
        this.taps = hook.taps
          .filter((tap) => tap.name !== NAME && (tap.stage ?? 0) > stage - 1 && (tap.stage ?? 0) < stage + 1)
          .map((tap) => `${tap.name}@${tap.stage ?? 0}`);
      });
      hook.tapPromise({ name: NAME, stage: stage + 1 }, async () => {
        this.windows.push(performance.now() - started);
      });
    });
  }

  /** Milliseconds inside the window (summed, should processAssets ever run twice). */
  get reportMs() {
    return this.windows.reduce((sum, ms) => sum + ms, 0);
  }
}
