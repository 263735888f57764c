/** Paints one padded cell; `column` and `row` index the table (row 0 is the header). */
export type Paint = (text: string, row: number, column: number) => string;

/**
 * Rows as aligned columns, two spaces apart, indented by two; the last column is not padded. Padding is
 * computed on the plain text, so colours (added by `paint`) do not shift the columns.
 */
export function textTable(rows: string[][], paint: Paint = (text) => text): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row, r) =>
      '  ' +
      row
        .map((cell, c) => paint(c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0), r, c))
        .join('  ')
        .trimEnd(),
  );
}
