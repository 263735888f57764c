import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';

export type { Schema };

/** `{}` (or no options) against a schema that requires no key: valid without compiling the schema. */
function trivially(schema: Schema, options: unknown): boolean {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    return false;
  if (options && Object.keys(options).length > 0) return false;
  const { required, minProperties, type } = schema as {
    required?: unknown;
    minProperties?: number;
    type?: unknown;
  };
  return (
    (!Array.isArray(required) || required.length === 0) &&
    !minProperties &&
    (type === undefined || type === 'object')
  );
}

/**
 * Validates a plugin's options against its JSON schema the webpack-contrib way: a `ValidationError` whose
 * message starts `Invalid options object. <name> has been initialized using an options object that does not
 * match the API schema.` and names each bad option (`options.threshold should be a number`).
 * Throws synchronously from the plugin's constructor, before any build starts. Empty options are checked
 * without ajv: compiling a schema costs 20–80 ms, the first one in a process about 250 ms, which every
 * build (and warm rebuild) of a config with default options would otherwise pay.
 */
export function validateOptions<T>(schema: Schema, options: unknown, name: string): asserts options is T {
  if (trivially(schema, options)) return;
  validate(schema, (options ?? {}) as object, { name, baseDataPath: 'options' });
}
