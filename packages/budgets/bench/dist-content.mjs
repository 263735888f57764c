// Deterministic text of the synthetic dist: minified-JS-like chunks (the generator of the compress benchmark,
// gzip ≈ 0.3) and minified-CSS-like stylesheets (this file), plus the plan of which files exist and how big.
import { prng, syntheticChunk } from '../../compress/bench/synthetic-content.mjs';

export { prng };

const WORDS = (
  'app header footer nav menu item list card panel modal dialog button btn input field form label icon ' +
  'avatar badge chip tag table row col cell grid flex stack container wrapper content title subtitle text ' +
  'link active disabled selected open closed hidden visible primary secondary success warning danger info ' +
  'light dark small large sm md lg xl toolbar sidebar drawer tooltip popover dropdown tabs tab alert toast ' +
  'chart legend axis tick spinner loader skeleton divider breadcrumb pagination page step progress'
).split(' ');
const PROPERTIES = [
  ['color', () => hex()],
  ['background-color', () => hex()],
  ['background', () => `${hex()} url(/static/media/${word()}.${hash(8)}.svg) no-repeat`],
  ['margin', () => box()],
  ['padding', () => box()],
  ['border', () => `${px(4)} solid ${hex()}`],
  ['border-radius', () => px(16)],
  ['font-size', () => `${(0.6 + int(20) / 10).toFixed(2)}rem`],
  ['font-weight', () => String(100 * (3 + int(6)))],
  ['line-height', () => (1 + int(10) / 10).toFixed(1)],
  ['display', () => pick(['flex', 'block', 'inline-block', 'grid', 'none', 'inline-flex'])],
  ['align-items', () => pick(['center', 'flex-start', 'flex-end', 'stretch'])],
  ['justify-content', () => pick(['center', 'space-between', 'flex-start', 'flex-end'])],
  ['position', () => pick(['relative', 'absolute', 'fixed', 'sticky'])],
  ['width', () => pick([px(800), `${int(101)}%`, 'auto'])],
  ['height', () => pick([px(600), `${int(101)}%`, 'auto'])],
  ['transition', () => `${pick(['opacity', 'transform', 'all', 'color'])} ${int(500)}ms ease-in-out`],
  ['box-shadow', () => `0 ${px(8)} ${px(24)} rgba(0,0,0,.${int(10)}${int(10)})`],
  ['transform', () => `translate(${px(40)},${px(40)}) rotate(${int(360)}deg)`],
  ['z-index', () => String(int(2000))],
  ['opacity', () => `.${int(10)}`],
  ['gap', () => px(32)],
  ['grid-template-columns', () => `repeat(${1 + int(12)},minmax(0,1fr))`],
];

// A module-level PRNG, re-seeded per stylesheet: the helpers above read it.
let random = prng(1);
const int = (n) => Math.floor(random() * n);
const pick = (items) => items[int(items.length)];
const word = () => pick(WORDS);
const hex = () => `#${int(0xffffff).toString(16).padStart(6, '0')}`;
const px = (max) => (int(3) === 0 ? '0' : `${int(max + 1)}px`);
const box = () => Array.from({ length: 1 + int(4) }, () => px(32)).join(' ');
const hash = (length) => Array.from({ length }, () => '0123456789abcdef'[int(16)]).join('');

/** One minified stylesheet of about `bytes` characters (ASCII, so bytes), from `seed`. */
export function syntheticStylesheet(seed, bytes) {
  random = prng(seed * 2246822519 + 7);
  // Each stylesheet has its own class names (CSS modules hash them), shared across its rules.
  const classes = Array.from({ length: 200 }, () => `${word()}-${word()}_${hash(5)}`);
  const selector = () =>
    Array.from({ length: 1 + int(3) }, () => {
      const base = `.${pick(classes)}`;
      return pick([
        base,
        base,
        `${base} .${pick(classes)}`,
        `${base}:hover`,
        `${base}>${pick(['a', 'span', 'div', 'svg', 'li'])}`,
      ]);
    }).join(',');
  const rule = () =>
    `${selector()}{${Array.from({ length: 1 + int(6) }, () => {
      const [name, value] = pick(PROPERTIES);
      return `${name}:${value()}`;
    }).join(';')}}`;
  const parts = [];
  let length = 0;
  while (length < bytes) {
    const part =
      int(12) === 0
        ? `@media (min-width:${pick([576, 768, 992, 1200, 1400])}px){${Array.from({ length: 1 + int(4) }, rule).join('')}}`
        : rule();
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** One minified script of about `bytes` characters. */
export const syntheticScript = syntheticChunk;

/**
 * The files of the dist: `count` names (`static/js/...`, `static/css/...`) with their planned sizes, summing to
 * about `totalBytes`: a few large vendor scripts, many chunks of 10–100 kB, some small ones; ~15 % CSS.
 */
export function planDist({ count, totalBytes, seed = 2024 }) {
  const rand = prng(seed);
  const between = (min, max) => min * (max / min) ** rand(); // log-uniform
  const hex = (length) => Array.from({ length }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const planned = [];
  for (let i = 0; i < count; i += 1) {
    const id = String(i).padStart(4, '0');
    if (i < 8) {
      planned.push({ kind: 'js', name: `static/js/vendor.lib${id}.${hex(8)}.js`, size: between(1e6, 3e6) });
    } else if (i < 40) {
      planned.push({ kind: 'js', name: `static/js/runtime-${id}.${hex(8)}.js`, size: between(1e3, 1e4) });
    } else if (i % 7 === 0) {
      planned.push({ kind: 'css', name: `static/css/chunk-${id}.${hex(8)}.css`, size: between(1e4, 6e4) });
    } else {
      const folder = i % 3 === 0 ? 'static/js/routes' : 'static/js';
      planned.push({ kind: 'js', name: `${folder}/chunk-${id}.${hex(8)}.js`, size: between(1e4, 1e5) });
    }
  }
  const scale = totalBytes / planned.reduce((sum, file) => sum + file.size, 0);
  return planned.map((file, seedOfFile) => ({
    ...file,
    size: Math.round(file.size * scale),
    seed: seedOfFile,
  }));
}

/** The text of one planned file. */
export function fileText(file) {
  return file.kind === 'css'
    ? syntheticStylesheet(file.seed, file.size)
    : syntheticScript(file.seed, file.size);
}
