import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The zstd level packwise compresses and measures with: the highest that keeps the browsers' window. */
export const ZSTD_LEVEL = 19;
/** RFC 9659: browsers decode `Content-Encoding: zstd` with at most an 8 MiB window (windowLog 23). */
export const ZSTD_BROWSER_WINDOW_LOG = 23;
export const ZSTD_BINDING = '@toondepauw/node-zstd';

export interface ZstdSettings {
  /** 1–22. */
  level: number;
  /** log2 of the window; only node:zlib can set it. */
  windowLog?: number;
  /** Compress against this content as a raw dictionary (RFC 9842's dcz); needs `engine.dictionaries`. */
  dictionary?: Buffer;
}

export interface ZstdEngine {
  /** Where zstd comes from: `node:zlib` (Node ≥ 22.15) or the binding (Node 20). */
  name: 'node:zlib' | typeof ZSTD_BINDING;
  /** The binding chooses the window from the level; node:zlib takes `windowLog`. */
  setsWindow: boolean;
  /** Raw-content dictionaries: the binding, and node:zlib from Node 22.19 / 24.6. */
  dictionaries: boolean;
  compress(input: Buffer, settings: ZstdSettings): Promise<Buffer>;
  decompress(input: Buffer, dictionary?: Buffer): Promise<Buffer>;
}

interface Binding {
  Encoder: new (level: number, dictionary?: Buffer) => { encode(data: Buffer): Promise<Buffer> };
  Decoder: new (dictionary?: Buffer) => { decode(data: Buffer): Promise<Buffer> };
}

/** node:zlib takes a zstd `dictionary` from Node 22.19 and 24.6. */
function zlibHasZstdDictionaries(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 6) || (major === 22 && minor >= 19);
}

type ZlibCompress = (input: Buffer, options: object) => Promise<Buffer>;

function nodeZlibEngine(): ZstdEngine | undefined {
  const z = zlib as unknown as Record<string, unknown>;
  if (typeof z.zstdCompress !== 'function' || typeof z.zstdDecompress !== 'function') return undefined;
  const compress = promisify(z.zstdCompress as (...args: unknown[]) => void) as ZlibCompress;
  const decompress = promisify(z.zstdDecompress as (...args: unknown[]) => void) as ZlibCompress;
  const constants = zlib.constants as unknown as Record<string, number>;
  return {
    name: 'node:zlib',
    setsWindow: true,
    dictionaries: zlibHasZstdDictionaries(),
    compress: (input, { level, windowLog, dictionary }) => {
      const params: Record<number, number> = { [constants.ZSTD_c_compressionLevel as number]: level };
      // Levels 20–22 would otherwise choose windows of 32–128 MiB, which browsers refuse.
      const window = windowLog ?? (level > ZSTD_LEVEL ? ZSTD_BROWSER_WINDOW_LOG : undefined);
      if (window !== undefined) params[constants.ZSTD_c_windowLog as number] = window;
      return compress(input, { pledgedSrcSize: input.length, params, ...(dictionary ? { dictionary } : {}) });
    },
    decompress: (input, dictionary) => decompress(input, dictionary ? { dictionary } : {}),
  };
}

function bindingEngine(): ZstdEngine | undefined {
  let binding: Binding;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional dependency, loaded when needed
    binding = require(ZSTD_BINDING) as Binding;
  } catch {
    return undefined;
  }
  return {
    name: ZSTD_BINDING,
    setsWindow: false,
    dictionaries: true,
    // One encoder per call: an encoder holds one zstd context, which two threads must not share.
    compress: (input, { level, dictionary }) => new binding.Encoder(level, dictionary).encode(input),
    decompress: (input, dictionary) => new binding.Decoder(dictionary).decode(input),
  };
}

const engines: { zlib?: ZstdEngine | null; binding?: ZstdEngine | null } = {};
const zlibEngine = () =>
  engines.zlib === undefined ? (engines.zlib = nodeZlibEngine() ?? null) : engines.zlib;
const binding = () =>
  engines.binding === undefined ? (engines.binding = bindingEngine() ?? null) : engines.binding;

/**
 * zstd from node:zlib where Node has it (22.15+), else from the optional binding; with `dictionaries`, one that
 * compresses with dictionaries (node:zlib from 22.19/24.6, else the binding). Throws an error that says what to
 * install when there is none.
 */
export function loadZstd(needs: { dictionaries?: boolean } = {}): ZstdEngine {
  const fromZlib = zlibEngine();
  const found =
    fromZlib && (!needs.dictionaries || fromZlib.dictionaries) ? fromZlib : (binding() ?? undefined);
  if (!found) {
    const what = needs.dictionaries
      ? 'zstd with dictionaries needs Node.js >= 22.19'
      : 'zstd needs Node.js >= 22.15';
    throw new Error(
      `${what} (node:zlib) or the optional dependency ${ZSTD_BINDING}, which is not installed ` +
        `for this platform: npm install --save-dev ${ZSTD_BINDING}`,
    );
  }
  return found;
}

/**
 * The window a decoder must hold for this zstd frame, from its header (RFC 8878 §3.1.1.1): the content size
 * for single-segment frames, else the window descriptor. `undefined` when the bytes are not a zstd frame.
 */
export function zstdWindowSize(frame: Buffer): number | undefined {
  if (frame.length < 6 || frame.readUInt32LE(0) !== 0xfd2fb528) return undefined;
  const descriptor = frame[4] as number;
  const singleSegment = (descriptor & 0x20) !== 0;
  if (!singleSegment) {
    const windowByte = frame[5] as number;
    const base = 2 ** (10 + (windowByte >> 3));
    return base + (base / 8) * (windowByte & 7);
  }
  const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3] as number;
  const contentSizeBytes = [1, 2, 4, 8][descriptor >> 6] as number;
  const at = 5 + dictionaryIdBytes;
  if (frame.length < at + contentSizeBytes) return undefined;
  if (contentSizeBytes === 1) return frame[at];
  if (contentSizeBytes === 2) return frame.readUInt16LE(at) + 256;
  if (contentSizeBytes === 4) return frame.readUInt32LE(at);
  return Number(frame.readBigUInt64LE(at));
}
