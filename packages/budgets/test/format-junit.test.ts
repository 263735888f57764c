import { FORMATS } from '@packwise/budgets';
import {
  HOSTILE_BUDGET,
  HOSTILE_NAMES,
  removeProjects,
  reportOf,
  result,
  runHostile,
} from './fixtures/harness';

afterAll(removeProjects);

interface Element {
  name: string;
  attributes: Record<string, string>;
  /** The text right after the start tag. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#\d+|\w+);/g, (_, entity: string) =>
    entity.startsWith('#') ? String.fromCharCode(Number(entity.slice(1))) : (ENTITIES[entity] as string),
  );

const TAG = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<>]*")*)\s*(\/?)>/y;
const BAD_TEXT = /[<>]|&(?!(amp|lt|gt|quot|apos|#\d+);)/;

/** A small well-formedness check: every `<` starts a tag, tags nest and balance, text and values escaped. */
function parseXml(xml: string): Element[] {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const elements: Element[] = [];
  const open: string[] = [];
  let index = 0;
  while (index < body.length) {
    const next = body.indexOf('<', index);
    const text = body.slice(index, next === -1 ? undefined : next);
    if (BAD_TEXT.test(text)) throw new Error(`unescaped text: ${JSON.stringify(text)}`);
    const last = elements[elements.length - 1];
    if (last && open[open.length - 1] === last.name && !last.text) last.text = decode(text);
    if (next === -1) break;
    TAG.lastIndex = next;
    const match = TAG.exec(body);
    if (!match) throw new Error(`malformed tag: ${JSON.stringify(body.slice(next, next + 60))}`);
    const [, closing, name = '', attributeText = '', selfClosing] = match;
    if (closing) {
      if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key = '', value = ''] of attributeText.matchAll(/([\w-]+)="([^"]*)"/g)) {
        if (BAD_TEXT.test(value)) throw new Error(`unescaped attribute: ${value}`);
        attributes[key] = decode(value);
      }
      elements.push({ name, attributes, text: '' });
      if (!selfClosing) open.push(name);
    }
    index = TAG.lastIndex;
  }
  if (open.length) throw new Error(`unclosed <${open.join('>, <')}>`);
  return elements;
}

describe('junit format', () => {
  it('is one testsuite with a testcase per result; failures for errors, system-out for warnings', () => {
    const xml = FORMATS.junit(
      reportOf([
        result(),
        result({ target: 'vendor.js', status: 'fail', problems: ['vendor.js is over'] }),
        result({ target: 'page.html', status: 'fail', severity: 'warning', problems: ['page.html is over'] }),
      ]),
    );
    const elements = parseXml(xml);
    expect(elements.map((e) => e.name)).toEqual([
      'testsuites',
      'testsuite',
      'testcase',
      'testcase',
      'failure',
      'testcase',
      'system-out',
    ]);
    expect(elements[1]?.attributes).toMatchObject({ name: 'packwise budgets', tests: '3', failures: '1' });
    expect(elements[2]?.attributes).toEqual({
      name: 'main.3fa76445bb2847ba8c57.js (35 kB brotli)',
      classname: 'main js',
    });
    expect(elements[4]).toMatchObject({
      attributes: { message: 'vendor.js is over' },
      text: 'vendor.js is over',
    });
    expect(elements[6]?.text).toBe('warning: page.html is over');
  });

  it('is well-formed with hostile names, and each name reads back intact', async () => {
    const { code, stdout } = await runHostile('junit');
    expect(code).toBe(1);
    expect(stdout).not.toContain('<script>');
    expect(stdout).not.toContain('<img');
    const elements = parseXml(stdout);
    const testcases = elements.filter((e) => e.name === 'testcase');
    expect(testcases.map((e) => e.attributes.name?.replace(/ \([^)]*\)$/, '')).sort()).toEqual(
      [...HOSTILE_NAMES].sort(),
    );
    expect(new Set(testcases.map((e) => e.attributes.classname))).toEqual(
      new Set([HOSTILE_BUDGET, 'pages <warn>']),
    );
    const failures = elements.filter((e) => e.name === 'failure');
    expect(failures).toHaveLength(6);
    expect(failures.map((e) => e.text)).toContainEqual(
      expect.stringMatching(/^new\nline\.js is 1\.5 kB brotli/),
    );
    expect(failures.map((e) => e.attributes.message)).toContainEqual(
      expect.stringMatching(/^"quote'\.js is/),
    );
  });

  it('strips characters XML 1.0 forbids', () => {
    const xml = FORMATS.junit(reportOf([result({ target: 'bell\u0007.js', budget: 'esc\u001b' })]));
    expect(parseXml(xml)[2]?.attributes).toEqual({ name: 'bell.js (35 kB brotli)', classname: 'esc' });
  });
});
