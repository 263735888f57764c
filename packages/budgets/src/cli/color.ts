import type { OutputStream } from './io';

/**
 * Colours for a stream: never with NO_COLOR (https://no-color.org: set and not empty) or TERM=dumb, always
 * with FORCE_COLOR (other than `0`/`false`), else only on a terminal.
 */
export function useColor(stream: OutputStream, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
