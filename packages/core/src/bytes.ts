/** Byte units we accept, lower-cased: SI (powers of 1000) and IEC (powers of 1024). */
const UNIT_FACTORS: Readonly<Record<string, number>> = Object.freeze({
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
});

const SIZE_PATTERN = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i;

/** A byte count as a number, or a string with an optional unit: `170000`, `"170 kB"`, `"1.5 MiB"`. */
export type ByteSize = number | string;

/**
 * Parses a human byte size into whole bytes. SI units (`kB`, `MB`, `GB`) are powers of 1000 and IEC units
 * (`KiB`, `MiB`, `GiB`) powers of 1024; units are case-insensitive, so `KB` means 1000 bytes as in
 * size-limit and most CI tools. Fractions are rounded to the nearest byte.
 *
 * @throws {TypeError} naming the value when it is not a non-negative number with a known unit.
 */
export function parseBytes(value: ByteSize): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
    throw new TypeError(`Invalid byte size ${String(value)}: expected a finite number of bytes, 0 or more`);
  }
  if (typeof value !== 'string') {
    throw new TypeError(
      `Invalid byte size ${JSON.stringify(value) ?? String(value)}: expected a number or a string`,
    );
  }
  const match = SIZE_PATTERN.exec(value);
  const factor = match ? UNIT_FACTORS[(match[2] || 'b').toLowerCase()] : undefined;
  if (!match || factor === undefined) {
    throw new TypeError(
      `Invalid byte size "${value}": expected a number of bytes or a number with a unit ` +
        `(B, kB, MB, GB, KiB, MiB, GiB), e.g. "170 kB" or "1.5 MiB"`,
    );
  }
  return Math.round(Number(match[1]) * factor);
}

export interface FormatBytesOptions {
  /** `si` prints kB/MB/GB (powers of 1000), `iec` prints KiB/MiB/GiB (powers of 1024). @default 'si' */
  standard?: 'si' | 'iec';
  /** Prefix positive numbers with `+` (for deltas). @default false */
  signed?: boolean;
}

const SI_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
const IEC_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Formats bytes for people: `170 kB`, `1.5 MiB`, `512 B`; three significant digits at most. */
export function formatBytes(bytes: number, options: FormatBytesOptions = {}): string {
  if (!Number.isFinite(bytes)) throw new TypeError(`Cannot format ${bytes} as bytes: not a finite number`);
  const { standard = 'si', signed = false } = options;
  const base = standard === 'iec' ? 1024 : 1000;
  const units = standard === 'iec' ? IEC_UNITS : SI_UNITS;
  const sign = bytes < 0 ? '-' : signed && bytes > 0 ? '+' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  // Number() drops trailing zeros: 1.50 -> 1.5, 170.0 -> 170.
  return `${sign}${Number(value.toFixed(digits))} ${units[unit]}`;
}
