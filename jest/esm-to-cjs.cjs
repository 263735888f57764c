// Jest on Node 20 cannot require() ES modules (its require(esm) needs Node 24.9+), and @rspack/core 2.x
// ships ESM only. This transform turns its dist files into CommonJS so tests can load it like webpack.
const ts = require('typescript');
const { createHash } = require('node:crypto');

function transformToCommonJs(sourceText, sourcePath) {
  const source = sourceText
    .replace(/import\.meta\.url/g, 'require("node:url").pathToFileURL(__filename).href')
    .replace(/import\.meta\.dirname/g, '__dirname')
    .replace(/import\.meta\.filename/g, '__filename');
  const { outputText } = ts.transpileModule(source, {
    fileName: sourcePath,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      allowJs: true,
      esModuleInterop: true,
    },
  });
  return { code: outputText };
}

module.exports = {
  process: transformToCommonJs,
  getCacheKey: (sourceText, sourcePath) =>
    createHash('sha256').update(sourcePath).update('\0').update(sourceText).update('v1').digest('hex'),
};
