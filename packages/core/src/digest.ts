import { createHash } from 'node:crypto';

/**
 * A canonical text of a value, for digests: objects by their own enumerable keys (with the class name of a
 * class instance), Sets and Maps by their items, functions by their source, RegExps and numbers as written
 * (`Infinity` too). Only a true cycle (a value inside itself) is cut short; an object met twice elsewhere is
 * written out twice, so two different inputs never read the same.
 */
function canonical(value: unknown, ancestors: Set<object>): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return `function ${JSON.stringify(String(value))}`;
  if (value === null || typeof value !== 'object') return String(value);
  if (value instanceof RegExp) return `regexp ${JSON.stringify(String(value))}`;
  if (ancestors.has(value)) return 'cycle';
  ancestors.add(value);
  const items = (list: Iterable<unknown>) => [...list].map((item) => canonical(item, ancestors)).join(',');
  let text: string;
  if (Array.isArray(value)) text = `[${items(value)}]`;
  else if (value instanceof Set) text = `Set[${items(value)}]`;
  else if (value instanceof Map) text = `Map[${items([...value].flat())}]`;
  else {
    const name = (value.constructor as { name?: string } | undefined)?.name ?? '';
    const fields = Object.entries(value).map(
      ([key, field]) => `${JSON.stringify(key)}:${canonical(field, ancestors)}`,
    );
    text = `${name === 'Object' ? '' : name}{${fields.join(',')}}`;
  }
  ancestors.delete(value);
  return text;
}

/** The SHA-256 (hex) of a value's canonical text: equal for equal inputs, for caches keyed by what they read. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonical(value, new Set())).digest('hex');
}
