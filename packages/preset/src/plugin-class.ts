/** A plugin's class name; `undefined` for anything else (webpack's `'...'` in `minimizer`, a falsy entry). */
export const className = (plugin: unknown): string | undefined =>
  plugin && typeof plugin === 'object' ? (plugin.constructor as { name?: string }).name : undefined;
