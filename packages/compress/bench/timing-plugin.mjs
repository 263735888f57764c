// Times the compression window of the main compilation: every contender compresses at
// PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, so the time from a tap just before that stage to one just after
// it is the compression alone. Also reports the stages the contender's own processAssets taps run at, so
// the report can show that they fall inside the window.
import { StageWindowPlugin } from '../../../scripts/lib/stage-window.mjs';

export class CompressTimingPlugin extends StageWindowPlugin {
  /** @param {string[]} pluginNames constructor names of the contender's plugins */
  constructor(pluginNames) {
    super('PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER', 'CompressTimingPlugin');
    this.pluginNames = new Set(pluginNames);
  }

  /** The contender's processAssets taps. */
  get taps() {
    return this.otherTaps.filter((tap) => this.pluginNames.has(tap.name));
  }

  get compressMs() {
    return this.totalMs;
  }

  /** The contender's taps that run outside the window (none expected). */
  get tapsOutsideWindow() {
    return this.taps.filter((tap) => !this.inside(tap.stage));
  }
}
