import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatText } from './text';
import type { FormatName, Formatter } from './types';

export type { FormatName, FormatOptions, Formatter } from './types';

/** Every output format of `packwise check --format`. */
export const FORMATS: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  github: formatGithub,
  junit: formatJunit,
});

export const isFormatName = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);
