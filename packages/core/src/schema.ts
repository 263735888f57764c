import type { JSONSchema7 } from 'schema-utils/declarations/validate';

/**
 * A piece of a plugin's option schema. schema-utils adds keywords (`instanceof`, `link`) that the JSON
 * Schema types do not know, hence the casts below.
 */
export type SchemaFragment = JSONSchema7;

/** JSON schema of one `test`/`include`/`exclude` condition, for plugin option schemas to reuse. */
const assetCondition = {
  anyOf: [{ instanceof: 'RegExp' }, { type: 'string', minLength: 1 }, { instanceof: 'Function' }],
} as SchemaFragment;

function assetConditions(description: string): SchemaFragment {
  return {
    description,
    anyOf: [{ type: 'array', items: assetCondition }, assetCondition],
  };
}

/** Schema properties `test`, `include`, `exclude` with descriptions; spread into a plugin's `properties`. */
export const assetMatchSchemaProperties: Readonly<Record<'test' | 'include' | 'exclude', SchemaFragment>> =
  Object.freeze({
    test: assetConditions('Process only assets whose name matches (RegExp, name prefix, or function).'),
    include: assetConditions('Process only assets whose name also matches one of these conditions.'),
    exclude: assetConditions('Never process assets whose name matches one of these conditions.'),
  });

/** Schema of a byte size as `parseBytes` takes it: a number of bytes or a string such as `"170 kB"`. */
export function byteSizeSchema(description: string): SchemaFragment {
  return {
    description,
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*([kKmMgG]i?[bB]|[bB]|bytes?)?\\s*$' },
    ],
  };
}
