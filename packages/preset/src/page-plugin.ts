import type { Compiler } from 'webpack';
import { PAGE_PLACES } from './pages';

export const PAGES_PLUGIN_NAME = 'PackwisePresetPages';

export interface PagesPluginOptions {
  /** A template the preset rewrites (html-webpack-plugin then gets its content): watched as a file. */
  template?: string;
  /** `index.html` files found where the preset does not look. */
  pageLike: string[];
}

/**
 * Watches a rewritten template (html-webpack-plugin only watches the templates it reads itself) and warns
 * when a build emits no page although the project has one where the preset did not look.
 */
export class PresetPagesPlugin {
  constructor(private readonly options: PagesPluginOptions) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(PAGES_PLUGIN_NAME, (compilation) => {
      const { template, pageLike } = this.options;
      if (template) compilation.fileDependencies.add(template);
      if (pageLike.length === 0) return;
      compilation.hooks.afterProcessAssets.tap(PAGES_PLUGIN_NAME, (assets) => {
        if (Object.keys(assets).some((name) => name.endsWith('.html'))) return;
        const places = PAGE_PLACES.map((place) => place.file).join(', ');
        compilation.warnings.push(
          new compiler.webpack.WebpackError(
            `@packwise/preset: no HTML page was emitted. The preset looks for ${places}; found ` +
              `${pageLike.join(', ')}: set \`html: { template: '<that file>' }\` in the options of withPackwise`,
          ),
        );
      });
    });
  }
}
