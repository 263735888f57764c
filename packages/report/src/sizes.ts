import type { Sizes } from './model';

export const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

export const addSizes = (a: Sizes, b: Sizes): Sizes => ({
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});

export const subtractSizes = (a: Sizes, b: Sizes): Sizes => ({
  raw: a.raw - b.raw,
  gzip: a.gzip - b.gzip,
  brotli: a.brotli - b.brotli,
});

export const sumSizes = (list: Sizes[]): Sizes => list.reduce(addSizes, ZERO);

export const pickSizes = ({ raw, gzip, brotli }: Sizes): Sizes => ({ raw, gzip, brotli });

/** Content hashes webpack writes into names: 8 or more hex digits between dots or dashes. */
const CONTENT_HASH = /([.-])[0-9a-f]{8,}(?=[.-])/g;

/** A file name without its content hash (`main.3fa76445.js` → `main.js`): what stays across builds. */
export const withoutHash = (name: string): string => name.replace(CONTENT_HASH, '');

/** The files a report measures: JS, CSS and HTML, not source maps or compressed copies. */
export const MEASURED = /\.(m?js|cjs|css|html?)$/;
