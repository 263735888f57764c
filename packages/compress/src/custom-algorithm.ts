import type { AlgorithmFunction } from './options';

function toBuffer(output: unknown): Buffer {
  if (Buffer.isBuffer(output)) return output;
  if (output instanceof Uint8Array) return Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  if (typeof output === 'string') return Buffer.from(output);
  throw new Error(`the algorithm gave ${output === undefined ? 'no output' : typeof output}, not a Buffer`);
}

/**
 * Runs a compressor the way compression-webpack-plugin does, `(input, options, callback)`, and also takes one
 * that returns a promise of its output. A throw or an error in the callback rejects; the first answer wins.
 */
export function callCompressor(
  compressor: AlgorithmFunction,
  input: Buffer,
  options: Record<string, unknown>,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const settle = (output: unknown) => {
      try {
        resolve(toBuffer(output));
      } catch (error) {
        reject(error);
      }
    };
    try {
      const returned = compressor(input, options, (error, output) =>
        error ? reject(error) : settle(output),
      );
      // An async function that calls back resolves to undefined: its callback answers.
      if (returned && typeof returned.then === 'function') {
        returned.then((output) => output !== undefined && settle(output), reject);
      }
    } catch (error) {
      reject(error);
    }
  });
}
