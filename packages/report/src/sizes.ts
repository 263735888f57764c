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

/** The content hash webpack writes last (`[name].[contenthash].js`): `a.0d6e4079.1f77e5b4.js` → `a.0d6e4079.js`. */
const LAST_HASH = /[.-][0-9a-f]{8,}(?=(\.[a-z0-9]+)+$)/i;

/** A file name without its last content hash: what names the same file across builds. */
export const withoutLastHash = (name: string): string => {
  const match = [...name.matchAll(new RegExp(LAST_HASH.source, 'gi'))].at(-1);
  return match?.index === undefined
    ? name
    : name.slice(0, match.index) + name.slice(match.index + match[0].length);
};

/** The files a report measures: JS, CSS and HTML, not source maps or compressed copies. */
export const MEASURED = /\.(m?js|cjs|css|html?)$/;
