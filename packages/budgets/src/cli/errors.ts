const SCHEMA_HEADER =
  /^Invalid options object\. .*?\((.*)\) has been initialized using an options object that does not match the API schema\.$/;

const BYTE_SIZE = ' is not a byte size such as 170000 or "170 kB"';
const INCREASE = ' is not a byte size or a percentage such as "2 kB" or "5%"';

/**
 * schema-utils' multi-line message as one line: `<source>: budgets[0] has an unknown property 'foo'.`,
 * the line after a trailing colon joined on, its pattern dump replaced by what it means.
 */
function condenseSchemaMessage(source: string, lines: string[]): string {
  const index = lines.findIndex((line) => line.startsWith('- '));
  let problem = (lines[index] ?? lines[1] ?? '').replace(/^- /, '');
  const next = lines[index + 1];
  if (problem.endsWith(':') && next !== undefined) problem = `${problem} ${next}`;
  problem = problem
    .replace(/^options\./, '')
    .replace(/^options\b/, 'the config')
    .replace(/ should match pattern ".*"\.?$/, (_, offset: number, text: string) =>
      text.slice(0, offset).endsWith('maxIncrease') ? INCREASE : BYTE_SIZE,
    );
  return `${source}: ${problem}`;
}

/** What the CLI prints after `packwise: `: the first line of an error, or a schema error condensed to one. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const first = lines[0] ?? (error instanceof Error ? error.name : 'unknown error');
  const schema = SCHEMA_HEADER.exec(first);
  return schema ? condenseSchemaMessage(schema[1] ?? 'config', lines) : first;
}
