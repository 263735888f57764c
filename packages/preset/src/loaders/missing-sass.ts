import type { LoaderContext } from 'webpack';

/** In sass-loader's place when no Sass compiler is installed: fails each Sass file with what to install. */
export default function missingSass(this: LoaderContext<{ packages: string[] }>): void {
  const [preferred, other] = this.getOptions().packages;
  this.callback(
    new Error(
      `@packwise/preset: ${this.resourcePath} is Sass, and no Sass compiler is installed: ` +
        `npm install -D ${preferred} (or ${other})`,
    ),
  );
}
