import { disableValidation, enableValidation, needValidate } from 'schema-utils';

/**
 * Constructs a plugin from options the preset wrote itself (known to be valid) without schema validation:
 * each validation compiles the plugin's schema with ajv (terser-webpack-plugin's first: about 250 ms), time
 * every build and warm rebuild would pay at config time. Options that come from the user are always validated.
 */
export function trusted<T>(make: () => T): T {
  if (!needValidate()) return make();
  // Both switches also write SKIP_VALIDATION (for older schema-utils copies): the user's value comes back after.
  const variable = process.env.SKIP_VALIDATION;
  disableValidation();
  try {
    return make();
  } finally {
    enableValidation();
    if (variable === undefined) delete process.env.SKIP_VALIDATION;
    else process.env.SKIP_VALIDATION = variable;
  }
}
