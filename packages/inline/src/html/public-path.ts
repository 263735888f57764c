import type { Compilation, RuntimeModule } from 'webpack';
import { isRspack } from '@packwise/core';

/**
 * Stands in the runtime, as a string literal, for the public path of the page the runtime is inlined into;
 * filled in per page. Letters, digits and `_` only, so no minifier re-quotes or escapes it.
 */
export const PUBLIC_PATH_PLACEHOLDER = 'PACKWISE_INLINE_PUBLIC_PATH_b3c1e7d2';
const PLACEHOLDER_LITERAL = new RegExp(`(["'\`])${PUBLIC_PATH_PLACEHOLDER}\\1`, 'g');

/**
 * With `output.publicPath: 'auto'` the runtime derives the public path from `document.currentScript.src`;
 * inlined, the script has no `src`, it scans the page's other scripts, finds none yet and throws "Automatic
 * publicPath is not supported in this browser". This makes the auto publicPath runtime module start with
 * `__webpack_require__.p = "<placeholder>"`, which `fillPublicPath` replaces by the page's public path in
 * each inlined copy; webpack's own detection runs only while the placeholder is still there, as in the file.
 * Nothing depends on `document.currentScript` (null in module scripts), and no minifier can fold the test: it
 * reads a property back.
 */
export function makeAutoPublicPathInlineSafe(
  compilation: Compilation,
  pluginName: string,
  publicPathGlobal: string,
): void {
  const prefix = PUBLIC_PATH_PLACEHOLDER.slice(0, -1);
  const wrap = (detect: string) =>
    [
      `${publicPathGlobal} = "${PUBLIC_PATH_PLACEHOLDER}";`,
      `if (${publicPathGlobal}.indexOf("${prefix}") === 0) {`,
      detect,
      '}',
    ].join('\n');
  const rspack = isRspack(compilation.compiler);
  compilation.hooks.runtimeModule.tap(pluginName, (module: RuntimeModule) => {
    if (module.constructor.name !== 'AutoPublicPathRuntimeModule') return;
    if (rspack) {
      // Rspack hands over the generated code, and reads back what is written to `source.source`.
      const generated = (module as unknown as RspackRuntimeModule).source;
      const detect = generated?.source.toString('utf8');
      if (generated && detect?.includes('scriptUrl')) generated.source = Buffer.from(wrap(detect));
      return;
    }
    const generate = module.generate.bind(module);
    module.generate = () => {
      const detect = generate();
      return detect === null || !detect.includes('scriptUrl') ? detect : wrap(detect);
    };
  });
}

/** A runtime module as Rspack's `runtimeModule` hook passes it: its code, already generated. */
interface RspackRuntimeModule {
  source?: { source: Buffer | string };
}

/** Writes the page's public path into an inlined runtime (a no-op for code without the placeholder). */
export function fillPublicPath(code: string, publicPath: string): string {
  return code.replace(PLACEHOLDER_LITERAL, () => JSON.stringify(publicPath));
}
