// Deterministic minified-JS-like text for the synthetic workload: webpack chunk wrappers, mangled locals,
// property names built from a shared programming vocabulary, string tables and numbers. Every asset has its
// own seed, so no two assets are alike, yet each compresses about as well as real minified JS (gzip ≈ 0.3).

/** mulberry32: a small, fast, deterministic PRNG returning floats in [0, 1). */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'get set value create element props state update render component children key ref context provider ' +
  'consumer effect memo callback reducer dispatch action payload type error message data items item list ' +
  'index length count total size width height offset scroll position style class name id node parent ' +
  'child next prev first last current target source event handler listener options config default result ' +
  'response request status code header body query params path route location history navigate link ' +
  'button input form field label placeholder disabled checked selected active visible hidden open close ' +
  'toggle show hide load fetch cache store subscribe emit observer promise resolve reject then catch ' +
  'finally async await timeout interval delay frame animation transition duration easing color theme ' +
  'dark light primary secondary border radius margin padding font weight family line spacing align ' +
  'format parse date time locale number currency percent min max range step chart axis scale tick grid ' +
  'legend tooltip dataset point bar series label plugin register module exports require lazy suspense ' +
  'fallback boundary retry query mutation client invalidate stale fresh key hash map filter reduce sort ' +
  'group sum order by chunk split merge assign clone deep equal compare debounce throttle noop identity'
).split(' ');

const SHORT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$'.split('');

function helpers(random) {
  const int = (n) => Math.floor(random() * n);
  const pick = (items) => items[int(items.length)];
  const capital = (word) => word[0].toUpperCase() + word.slice(1);
  const camel = (parts) => parts.map((word, i) => (i === 0 ? word : capital(word))).join('');
  return { int, pick, camel };
}

/** One asset of about `bytes` characters (ASCII, so bytes), from `seed`. */
export function syntheticChunk(seed, bytes) {
  const random = prng(seed * 2654435761 + 1);
  const { int, pick, camel } = helpers(random);
  // This asset's own names: what mangling keeps (properties, exports) differs from one module to another.
  const props = Array.from({ length: 320 }, () =>
    camel(Array.from({ length: 1 + int(3) }, () => pick(WORDS))),
  );
  const strings = Array.from({ length: 120 }, () =>
    Array.from({ length: 2 + int(7) }, () => pick(WORDS)).join(pick([' ', ' ', '-', '_', '/', '.'])),
  );
  const local = () => (random() < 0.8 ? pick(SHORT) : pick(SHORT) + pick(SHORT));
  const prop = () => pick(props);
  const num = () =>
    pick([
      () => String(int(10)),
      () => String(int(1000)),
      () => `0x${int(0xffffff).toString(16)}`,
      () => `${int(100)}.${int(1000)}`,
      () => `${int(1e6)}`,
      () => `"#${int(0xffffff).toString(16).padStart(6, '0')}"`,
    ])();
  const str = () => `"${pick(strings)}"`;
  const atom = () =>
    pick([local, local, local, num, str, () => `${local()}.${prop()}`, () => '!0', () => '!1'])();
  const call = () => `${local()}.${prop()}(${Array.from({ length: int(4) }, atom).join(',')})`;
  const expr = (depth = 0) =>
    depth > 2
      ? atom()
      : pick([
          atom,
          call,
          () =>
            `${atom()}${pick(['+', '-', '*', '===', '!==', '&&', '||', '<', '>=', '??'])}${expr(depth + 1)}`,
          () => `${atom()}?${expr(depth + 1)}:${expr(depth + 1)}`,
          () => `{${Array.from({ length: 1 + int(4) }, () => `${prop()}:${expr(depth + 1)}`).join(',')}}`,
          () => `[${Array.from({ length: int(5) }, () => expr(depth + 1)).join(',')}]`,
          () => `function(${local()},${local()}){return ${expr(depth + 1)}}`,
        ])();
  const statement = (depth = 0) =>
    depth > 2
      ? `${call()};`
      : pick([
          () => `var ${local()}=${expr()},${local()}=${expr()};`,
          () => `${call()};`,
          () => `${local()}.${prop()}=${expr()};`,
          () => `if(${expr()})return ${expr()};`,
          () => `if(${expr()}){${statement(depth + 1)}${statement(depth + 1)}}else ${statement(depth + 1)}`,
          () => `for(var ${local()}=0;${local()}<${local()}.length;${local()}++)${statement(depth + 1)}`,
          () => `return ${expr()}`,
          () => `throw new Error(${str()}+${local()});`,
          () =>
            `switch(${local()}.type){${Array.from({ length: 1 + int(4) }, () => `case ${str()}:${statement(depth + 1)}`).join('')}default:return ${local()}}`,
        ])();
  const fn = () =>
    `function ${local()}(${Array.from({ length: int(4) }, local).join(',')}){${Array.from({ length: 2 + int(6) }, () => statement()).join('')}}`;
  const moduleBody = () =>
    `"use strict";n.d(t,{${Array.from({ length: 1 + int(3) }, () => `${pick(SHORT)}:function(){return ${local()}}`).join(',')}});` +
    `var ${local()}=n(${int(99999)}),${local()}=n.n(${local()});` +
    Array.from({ length: 2 + int(5) }, () => (random() < 0.6 ? fn() : statement())).join('');

  const parts = [`"use strict";(self.webpackChunkapp=self.webpackChunkapp||[]).push([[${seed}],{`];
  let length = parts[0].length;
  while (length < bytes) {
    const part = `${parts.length > 1 ? ',' : ''}${int(99999)}:function(e,t,n){${moduleBody()}}`;
    parts.push(part);
    length += part.length;
  }
  parts.push('}]);');
  return parts.join('');
}
