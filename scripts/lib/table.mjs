// Plain-text and Markdown tables.

/** A text table; a header starting with `>` makes its column right-aligned. */
export function textTable(headers, rows) {
  const align = headers.map((header) => (header.startsWith('>') ? 'right' : 'left'));
  const labels = headers.map((header) => header.replace(/^>/, ''));
  const widths = labels.map((label, i) =>
    Math.max(label.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) =>
        align[i] === 'right' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  return [line(labels), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured Markdown table with the same `>` right-alignment flag. */
export function markdownTable(headers, rows) {
  const labels = headers.map((header) => header.replace(/^>/, ''));
  const rule = headers.map((header) => (header.startsWith('>') ? '---:' : '---'));
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(labels), line(rule), ...rows.map(line)].join('\n');
}
