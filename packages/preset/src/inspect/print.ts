import { classExpression, functionReference, pluginArguments } from './plugins';
import { isInstance } from './provenance';
import type { Path, Provenance } from './provenance';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const INDENT = '  ';

export const quote = (text: string): string =>
  `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;

const propertyKey = (key: string) => (IDENTIFIER.test(key) ? key : quote(key));

export const pathString = (path: Path): string =>
  path
    .map((key, index) =>
      typeof key === 'number'
        ? `[${key}]`
        : IDENTIFIER.test(key)
          ? index
            ? `.${key}`
            : key
          : `[${quote(key)}]`,
    )
    .join('');

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !isInstance(value);

/** A function's source as an expression: method shorthand (`foo() {}`) becomes a function expression. */
export function functionSource(fn: (...args: never[]) => unknown): string | undefined {
  const source = String(fn);
  if (/\{\s*\[native code\]\s*\}$/.test(source)) return undefined;
  if (/^(?:async\s+)?(?:function\b|class\b)/.test(source)) return source;
  if (/^(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/.test(source)) return source;
  const method = /^(async\s+)?(\*\s*)?([\w$]+\s*\()/.exec(source);
  if (method)
    return `${method[1] ?? ''}function${method[2] ? '*' : ''} ${source.slice(method[0].length - method[3]!.length)}`;
  return source;
}

const CLOSURE_NOTE = '/* function printed from its source: its closure (outer variables) is lost */';

/** Notes a printed value needs, collected while printing it. */
type Notes = string[];

/** A value as a JavaScript expression on one line (functions keep their own lines), without layer comments. */
export function expression(value: unknown, notes: Notes = [], provenance?: Provenance): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'symbol') return `Symbol.for(${quote(value.description ?? '')})`;
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'function') {
    const reference = functionReference(value);
    if (reference) return reference;
    const source = functionSource(value as (...args: never[]) => unknown);
    if (source === undefined) {
      notes.push(`${value.name || 'a function'} is native code and cannot be printed`);
      return 'undefined';
    }
    return `${CLOSURE_NOTE} (${source})`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => expression(item, notes, provenance)).join(', ')}]`;
  if (value instanceof Set) return `new Set(${expression([...value], notes, provenance)})`;
  if (value instanceof Map) return `new Map(${expression([...value], notes, provenance)})`;
  if (value instanceof Date) return `new Date(${quote(value.toISOString())})`;
  if (isInstance(value)) return instanceExpression(value, notes, provenance);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([key, item]) => `${propertyKey(key)}: ${expression(item, notes, provenance)}`).join(', ')} }`;
}

/** `new (require('<package>').<Name>)(<options>)`, or `null` with a note when the class cannot be loaded. */
function instanceExpression(plugin: object, notes: Notes, provenance?: Provenance): string {
  const name = (plugin.constructor as { name?: string }).name || 'an anonymous class';
  const ctor = classExpression(plugin);
  if (!ctor) {
    notes.push(`${name} instance: inspect does not know its package, so it is left out (null); add it back`);
    return 'null';
  }
  const { args, note } = pluginArguments(plugin, provenance?.presetArguments(plugin));
  if (note) notes.push(note);
  return `new (${ctor})(${args.map((arg) => expression(arg, notes, provenance)).join(', ')})`;
}

/** Prints the config as `module.exports = { … }`, each value commented with its layer. */
export class ConfigPrinter {
  readonly provenance: Record<string, string> = {};
  private readonly lines: string[] = [];

  constructor(private readonly layers: Provenance) {}

  print(config: object, header: string[]): string {
    this.lines.push(...header.map((line) => `// ${line}`), 'module.exports = {');
    this.object(config as Record<string, unknown>, [], 1, undefined);
    this.lines.push('};', '');
    return this.lines.join('\n');
  }

  private emit(depth: number, text: string, layer: string, path: Path, notes: Notes = []): void {
    this.provenance[pathString(path)] = layer;
    const comment = [layer, ...notes].join(' — ');
    this.lines.push(`${INDENT.repeat(depth)}${text} // ${comment}`);
  }

  /** A nested object's keys each get a comment; inside an array element, the element's layer is inherited. */
  private object(value: Record<string, unknown>, path: Path, depth: number, inherited: string | undefined) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const itemPath = [...path, key];
      const prefix = `${propertyKey(key)}: `;
      if (isPlainObject(item) && Object.keys(item).length > 0) {
        this.lines.push(`${INDENT.repeat(depth)}${prefix}{`);
        this.object(item, itemPath, depth + 1, inherited);
        this.lines.push(`${INDENT.repeat(depth)}},`);
      } else if (Array.isArray(item) && item.length > 0) {
        this.lines.push(`${INDENT.repeat(depth)}${prefix}[`);
        this.array(item, itemPath, depth + 1, inherited);
        this.lines.push(`${INDENT.repeat(depth)}],`);
      } else {
        const notes: Notes = [];
        const text = `${prefix}${expression(item, notes, this.layers)},`;
        this.emit(depth, text, inherited ?? this.layers.leaf(itemPath, item), itemPath, notes);
      }
    }
  }

  private array(items: unknown[], path: Path, depth: number, inherited: string | undefined) {
    items.forEach((item, index) => {
      const itemPath = [...path, index];
      const layer = inherited ?? this.layers.element(path, item);
      if (isPlainObject(item) && Object.keys(item).length > 0) {
        this.emit(depth, '{', layer, itemPath);
        this.object(item, itemPath, depth + 1, layer);
        this.lines.push(`${INDENT.repeat(depth)}},`);
      } else {
        const notes: Notes = [];
        this.emit(depth, `${expression(item, notes, this.layers)},`, layer, itemPath, notes);
      }
    });
  }
}

/** The config as JSON-safe data: RegExps, functions and plugin instances as tagged objects. */
export function jsonSafe(value: unknown, provenance?: Provenance): unknown {
  if (value === undefined || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') {
      return { $function: functionReference(value) ?? functionSource(value as () => unknown) ?? 'native' };
    }
    if (typeof value === 'bigint') return String(value);
    return value;
  }
  if (value instanceof RegExp) return { $regexp: String(value) };
  if (Array.isArray(value)) return value.map((item) => jsonSafe(item, provenance) ?? null);
  if (value instanceof Set) return [...value].map((item) => jsonSafe(item, provenance) ?? null);
  if (value instanceof Map) return jsonSafe(Object.fromEntries(value), provenance);
  if (value instanceof Date) return value.toISOString();
  if (isInstance(value)) {
    const { args, note } = pluginArguments(value, provenance?.presetArguments(value));
    return {
      $plugin: (value.constructor as { name?: string }).name,
      require: classExpression(value) ?? null,
      arguments: jsonSafe(args, provenance),
      ...(note ? { note } : {}),
    };
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safe = jsonSafe(item, provenance);
    if (safe !== undefined) result[key] = safe;
  }
  return result;
}
