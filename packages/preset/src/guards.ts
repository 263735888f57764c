import type { Compiler, Configuration } from 'webpack';
import type { Features } from './features';
import { className } from './plugin-class';

/** Used for the hook and as the prefix of every warning. */
export const GUARDS_PLUGIN_NAME = 'PackwisePresetGuards';

/** Settings in the user's config that fight a preset feature: one message per conflict, naming both sides. */
export function findConflicts(userConfig: Configuration, features: Features): string[] {
  const conflicts: string[] = [];
  const splitChunks = userConfig.optimization?.splitChunks;
  const groups = splitChunks ? Object.keys(splitChunks.cacheGroups ?? {}) : [];
  if (features.vendorChunks && groups.length > 0) {
    conflicts.push(
      `your optimization.splitChunks.cacheGroups (${groups.join(', ')}) and the preset's vendorChunks ` +
        '(@packwise/vendor-chunks) both place node_modules in chunks. Set `vendorChunks: false` in the ' +
        "options of withPackwise to keep only your groups, or remove them to use packwise's vendor chunks",
    );
  }
  const compressors = (userConfig.plugins ?? []).filter(
    (plugin) => className(plugin) === 'CompressionPlugin',
  );
  if (features.compress && compressors.length > 0) {
    conflicts.push(
      `your config adds compression-webpack-plugin (${compressors.length}×) and the preset's compress ` +
        '(@packwise/compress) writes .gz and .br files too, so assets are compressed twice. Set ' +
        '`compress: false` in the options of withPackwise, or remove CompressionPlugin from your plugins',
    );
  }
  return conflicts;
}

/** Reports the conflicts `findConflicts` found as warnings of every build. */
export class PresetGuardsPlugin {
  constructor(private readonly conflicts: string[]) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(GUARDS_PLUGIN_NAME, (compilation) => {
      for (const message of this.conflicts) {
        compilation.warnings.push(new compiler.webpack.WebpackError(`@packwise/preset: ${message}`));
      }
    });
  }
}
