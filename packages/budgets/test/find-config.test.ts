import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '@packwise/test-utils';
import { findConfigFile } from '@packwise/budgets';

describe('findConfigFile', () => {
  it('finds the nearest packwise config, a package.json "packwise" key, or else .size-limit.json', async () => {
    const root = await makeTempDir('packwise-find-');
    const app = path.join(root, 'apps/web');
    await mkdir(app, { recursive: true });
    expect(findConfigFile(app)).toBeUndefined();

    await writeFile(path.join(root, '.size-limit.json'), '[]');
    expect(findConfigFile(app)).toBe(path.join(root, '.size-limit.json'));

    await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'web' }));
    expect(findConfigFile(app)).toBe(path.join(root, '.size-limit.json'));

    await writeFile(path.join(root, 'package.json'), JSON.stringify({ packwise: { budgets: [] } }));
    expect(findConfigFile(app)).toBe(path.join(root, 'package.json'));

    await writeFile(path.join(app, 'packwise.config.json'), '{"budgets": []}');
    expect(findConfigFile(app)).toBe(path.join(app, 'packwise.config.json'));
  });
});
