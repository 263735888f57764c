import { disableValidation, enableValidation, needValidate } from 'schema-utils';

/**
 * Constructs a plugin from options the preset wrote itself (known to be valid) without schema validation:
 * each validation compiles the plugin's schema with ajv (terser-webpack-plugin's first: about 250 ms), time
 * every build and warm rebuild would pay at config time. Options that come from the user are always validated.
 */
export function trusted<T>(make: () => T): T {
  if (!needValidate()) return make();
  disableValidation();
  try {
    return make();
  } finally {
    enableValidation();
  }
}
