import { createHash } from 'node:crypto';
import { loadZstd, ZSTD_LEVEL } from './zstd';

/** RFC 9842 §4: a `dcz` body starts with this magic (a zstd skippable frame of 32 bytes), then the hash. */
export const DCZ_MAGIC = Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 0x20, 0x00, 0x00, 0x00]);
/** RFC 9842 §4: a `dcb` body starts with this magic, then the hash. */
export const DCB_MAGIC = Buffer.from([0xff, 0x44, 0x43, 0x42]);

/** SHA-256 of a dictionary's bytes: what `Available-Dictionary` names (as `:base64:`) and the header carries. */
export function sha256(content: Buffer): Buffer {
  return createHash('sha256').update(content).digest();
}

/** `new` compressed against `dictionary` as an RFC 9842 `dcz` body: magic, the dictionary's SHA-256, zstd. */
export async function compressDcz(
  input: Buffer,
  dictionary: Buffer,
  { level = ZSTD_LEVEL }: { level?: number } = {},
): Promise<Buffer> {
  const frame = await loadZstd({ dictionaries: true }).compress(input, { level, dictionary });
  return Buffer.concat([DCZ_MAGIC, sha256(dictionary), frame]);
}

/** Decodes a `dcz` body with its dictionary; throws when the header names another dictionary. */
export async function decodeDcz(body: Buffer, dictionary: Buffer): Promise<Buffer> {
  const header = DCZ_MAGIC.length + 32;
  if (body.length < header || !body.subarray(0, DCZ_MAGIC.length).equals(DCZ_MAGIC)) {
    throw new Error('not a dcz body: the RFC 9842 magic is missing');
  }
  if (!body.subarray(DCZ_MAGIC.length, header).equals(sha256(dictionary))) {
    throw new Error("the dcz body was made with another dictionary: its header's SHA-256 differs");
  }
  return loadZstd({ dictionaries: true }).decompress(body.subarray(header), dictionary);
}
