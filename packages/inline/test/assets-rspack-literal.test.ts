import svgToMiniDataURI from 'mini-svg-data-uri';
import { scriptLiteral } from '../src/assets/rspack';

// Rspack writes an emitted asset's URL as `__webpack_require__.p + "file"`; under an eval devtool that code
// is inside a string, single- or double-quoted depending on the module. The literal that replaces it must
// give back the exact URI in each case.
const uri = svgToMiniDataURI('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="red"/></svg>');

/**
 * Runs `value = <literal>;` as the bundle holds it: as code, or as raw text between the quotes of
 * eval('…') or eval("…") (where the literal sits as it was written into the file).
 */
function valueOf(literal: string, wrap: 'none' | 'single' | 'double'): unknown {
  const code = `value = ${literal};`;
  if (wrap === 'none') return new Function(`let value; ${code} return value;`)();
  const quote = wrap === 'double' ? '"' : "'";
  return new Function(`let value; eval(${quote}${code}${quote}); return value;`)();
}

describe('scriptLiteral: the URI as JS code, wherever Rspack put the reference', () => {
  it.each([
    ['plain code', '"', false, 'none'],
    ["inside eval('…')", '"', true, 'single'],
    ['inside eval("…"), quotes escaped', '\\"', true, 'double'],
  ] as const)('%s', (_label, quote, inEval, wrap) => {
    expect(uri).toContain("'");
    expect(valueOf(scriptLiteral(uri, quote, inEval), wrap)).toBe(uri);
  });

  it('writes plain code as the URI in double quotes, nothing escaped', () => {
    expect(scriptLiteral(uri, '"', false)).toBe(`"${uri}"`);
  });
});
