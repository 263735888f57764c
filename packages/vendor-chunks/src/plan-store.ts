import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Where PlanCache keeps its item: webpack's cache, or on Rspack a file. */
export interface PlanStore {
  getPromise<T>(identifier: string, etag: null): Promise<T | undefined>;
  storePromise<T>(identifier: string, etag: null, data: T): Promise<void>;
}

/** The folder of the plan file on Rspack, beside Rspack's persistent cache folder. */
export const PLAN_DIRECTORY = 'packwise-vendor-chunks';

/**
 * The plan cache's store on Rspack with its persistent cache on (`compilation.getCache` lives in memory only
 * there): one file per item in `packwise-vendor-chunks` beside Rspack's cache folder, v8-serialized (plans hold Maps). Written whole and renamed into
 * place; a missing, unreadable or broken file is no plan (the planner runs), never a build error.
 */
export class DiskPlanStore implements PlanStore {
  constructor(private readonly directory: string) {}

  async getPromise<T>(identifier: string): Promise<T | undefined> {
    try {
      return deserialize(await readFile(this.fileOf(identifier))) as T;
    } catch {
      return undefined;
    }
  }

  async storePromise<T>(identifier: string, _etag: null, data: T): Promise<void> {
    const file = this.fileOf(identifier);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(temporary, serialize(data));
      await rename(temporary, file);
    } catch {
      // A read-only project: the next process plans again.
    }
  }

  private fileOf(identifier: string): string {
    return path.join(this.directory, `${identifier.replace(/[^\w.-]/g, '_')}.v8`);
  }
}
