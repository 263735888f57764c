import type { AssetInfo, Compilation } from 'webpack';

/** What the plugin says of an asset: `compressed` (and a delta's dictionary) on encodings, `related` on originals. */
export type AssetFact = Partial<Pick<AssetInfo, 'compressed' | 'immutable' | 'minimized' | 'related'>> &
  Record<string, unknown>;

/**
 * The asset info the plugin wrote, per compilation. Rspack keeps only the `related` keys it knows (`sourceMap`) and
 * leaves the keys it does not know (`compressed`) out of its stats: this record answers "is this asset encoded
 * already" on either bundler, and on Rspack puts the info back into the stats' asset objects.
 */
export class AssetFacts {
  private readonly facts = new WeakMap<Compilation, Map<string, AssetFact>>();

  private of(compilation: Compilation): Map<string, AssetFact> {
    let facts = this.facts.get(compilation);
    if (!facts) this.facts.set(compilation, (facts = new Map()));
    return facts;
  }

  record(compilation: Compilation, name: string, fact: AssetFact): void {
    const facts = this.of(compilation);
    const known = facts.get(name);
    facts.set(name, { ...known, ...fact, related: { ...known?.related, ...fact.related } });
  }

  /** The encodings recorded for an original, by algorithm name. */
  related(compilation: Compilation, name: string): AssetInfo['related'] {
    return this.facts.get(compilation)?.get(name)?.related;
  }

  /** Rspack: each asset object of the stats gets the info recorded for it (what `[compressed]` is printed from). */
  addToStats(compilation: Compilation, pluginName: string): void {
    compilation.hooks.statsFactory.tap(pluginName, (factory) => {
      // After the default extractor, which sets `info` (this hook is tapped first, from thisCompilation).
      factory.hooks.extract
        .for('asset')
        .tap({ name: pluginName, stage: 1 }, (object: Record<string, unknown>, asset: { name: string }) => {
          const fact = this.facts.get(compilation)?.get(asset.name);
          if (!fact) return;
          const info = (object.info ?? {}) as AssetInfo;
          object.info = { ...info, ...fact, related: { ...info.related, ...fact.related } };
        });
    });
  }
}
