import type { Configuration } from 'webpack';
import type { PackwiseOptions } from './options';
import { withPackwise as withPackwiseFor } from './with-packwise';

/**
 * `@packwise/preset/rspack`: `withPackwise` for Rspack (`bundler: 'rspack'` by default), so an
 * `rspack.config.js` reads like a webpack one.
 */
export function withPackwise(userConfig: Configuration = {}, options: PackwiseOptions = {}): Configuration {
  return withPackwiseFor(userConfig, { bundler: 'rspack', ...options });
}

export default withPackwise;
