import picomatch from 'picomatch';
import { withoutHash } from '@packwise/core';

export { withoutHash };

/** A glob matcher that accepts a name with or without its content hash, so `vendor.*.js` and `main.js` both work. */
export function createNameMatcher(pattern: string): (name: string) => boolean {
  const matches = picomatch(pattern, { dot: true });
  return (name) => matches(name) || matches(withoutHash(name));
}
