import type { PackwiseReport } from '../types';

export type FormatName = 'text' | 'json' | 'markdown' | 'github' | 'junit';

export interface FormatOptions {
  /** ANSI colours, for `text` on a terminal. @default false */
  color?: boolean;
}

/** Renders a report; the result ends with a newline. */
export type Formatter = (report: PackwiseReport, options?: FormatOptions) => string;
