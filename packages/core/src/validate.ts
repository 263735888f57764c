import { validate } from 'schema-utils';
import type { Schema } from 'schema-utils/declarations/validate';

export type { Schema };

/**
 * Validates a plugin's options against its JSON schema the webpack-contrib way: a `ValidationError` whose
 * message starts `Invalid options object. <name> has been initialized using an options object that does not
 * match the API schema.` and names each bad option (`options.threshold should be a number`).
 * Throws synchronously from the plugin's constructor, before any build starts.
 */
export function validateOptions<T>(schema: Schema, options: unknown, name: string): asserts options is T {
  validate(schema, (options ?? {}) as object, { name, baseDataPath: 'options' });
}
