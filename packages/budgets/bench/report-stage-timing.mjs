// Times the PROCESS_ASSETS_STAGE_REPORT window of the main compilation: BudgetsPlugin checks at that stage,
// so the time from a tap just before it (REPORT - 1) to one just after it (REPORT + 1) is the plugin's own
// work plus whatever else taps that very stage (recorded in `taps`, and measured without the plugin too).
import { StageWindowPlugin } from '../../../scripts/lib/stage-window.mjs';

export class ReportStageTimingPlugin extends StageWindowPlugin {
  constructor() {
    super('PROCESS_ASSETS_STAGE_REPORT', 'ReportStageTimingPlugin');
  }

  /** Every tap at the REPORT stage itself, as `name@stage`. */
  get taps() {
    return this.otherTaps.filter((tap) => this.inside(tap.stage)).map((tap) => `${tap.name}@${tap.stage}`);
  }

  get reportMs() {
    return this.totalMs;
  }
}
