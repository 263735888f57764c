import picomatch from 'picomatch';

/** Content hashes webpack writes into names: 8 or more hex digits between dots or dashes. */
const CONTENT_HASH = /([.-])[0-9a-f]{8,}(?=[.-])/g;

/** An asset name without its content hash (`main.3fa76445bb2847ba8c57.js` → `main.js`): what stays across builds. */
export function withoutHash(name: string): string {
  return name.replace(CONTENT_HASH, '');
}

/** A glob matcher that accepts a name with or without its content hash, so `vendor.*.js` and `main.js` both work. */
export function createNameMatcher(pattern: string): (name: string) => boolean {
  const matches = picomatch(pattern, { dot: true });
  return (name) => matches(name) || matches(withoutHash(name));
}
