import type { RuleSetCondition, RuleSetRule } from 'webpack';
import { dataUriLength, toDataUri } from './encode';
import type { AssetKind, ResolvedOptions } from './options';
import { setRecord } from './wish';

/** File names (one per extension the plugin knows) used to find user rules that overlap the plugin's. */
const PROBES = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'woff', 'woff2', 'ttf', 'otf', 'eot'].map(
  (extension) => `/packwise-probe/file.${extension}`,
);

type Rule = RuleSetRule;
type RuleList = (Rule | false | '' | 0 | '...' | null | undefined)[];

/** Evaluates a webpack rule condition against a path; `undefined` when it cannot (a glob). */
function conditionMatches(condition: RuleSetCondition, resource: string): boolean | undefined {
  if (typeof condition === 'string') return resource.startsWith(condition);
  if (condition instanceof RegExp) {
    condition.lastIndex = 0;
    return condition.test(resource);
  }
  if (typeof condition === 'function') {
    try {
      return Boolean(condition(resource));
    } catch {
      return false;
    }
  }
  if (Array.isArray(condition)) {
    const results = condition.map((item) => conditionMatches(item, resource));
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  }
  if (condition.glob !== undefined) return undefined;
  const parts: (boolean | undefined)[] = [];
  if (condition.and) parts.push(condition.and.every((item) => conditionMatches(item, resource) !== false));
  if (condition.or) parts.push(condition.or.some((item) => conditionMatches(item, resource) !== false));
  if (condition.not !== undefined) {
    const inner = conditionMatches(condition.not, resource);
    parts.push(inner === undefined ? undefined : !inner);
  }
  return parts.includes(false) ? false : parts.includes(undefined) ? undefined : true;
}

/**
 * Whether a rule applies to a path, judged by its path conditions only (test, include, exclude, resource).
 * Conditions the plugin cannot evaluate count as a match: the user's rule then wins.
 */
function ruleMatches(rule: Rule, resource: string): boolean {
  const positive = [rule.test, rule.include, rule.resource].filter((item) => item !== undefined);
  for (const condition of positive) if (conditionMatches(condition, resource) === false) return false;
  if (rule.exclude !== undefined && conditionMatches(rule.exclude, resource) === true) return false;
  return true;
}

/** A rule that turns files into modules: it sets a module type or runs loaders. */
function producesModules(rule: Rule): boolean {
  return rule.type !== undefined || rule.use !== undefined || rule.loader !== undefined;
}

/** Leaf rules with path conditions, each with the conditions of the rules around it (`rules`, `oneOf`). */
function flattenRules(rules: RuleList, parents: Rule[] = []): Rule[][] {
  const chains: Rule[][] = [];
  for (const rule of rules) {
    if (!rule || rule === '...') continue;
    const chain = [...parents, rule];
    if (producesModules(rule)) chains.push(chain);
    if (rule.rules) chains.push(...flattenRules(rule.rules, chain));
    if (rule.oneOf) chains.push(...flattenRules(rule.oneOf, chain));
  }
  return chains;
}

export interface Conflict {
  /** The user's rule (innermost). */
  rule: Rule;
  /** Whether a path would be handled by the user's rule. */
  matches(resource: string): boolean;
  /** Probe extensions both rules match, for the warning. */
  extensions: string[];
}

/** User rules that would also match files of the plugin's kinds: those files are left to them. */
export function findConflicts(rules: RuleList, tests: RegExp[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const chain of flattenRules(rules)) {
    const matches = (resource: string) => chain.every((rule) => ruleMatches(rule, resource));
    const extensions = PROBES.filter(
      (probe) => tests.some((test) => ((test.lastIndex = 0), test.test(probe))) && matches(probe),
    ).map((probe) => probe.slice(probe.lastIndexOf('.') + 1));
    if (extensions.length > 0) conflicts.push({ rule: chain[chain.length - 1] as Rule, matches, extensions });
  }
  return conflicts;
}

/**
 * The asset rule for one kind: the parser measures the encoded `data:` URI, records it on the module and
 * inlines it when it fits `maxSize`; the generator writes the same URI. Files a user rule handles are excluded.
 */
export function createAssetRule(
  kind: AssetKind,
  test: RegExp,
  options: ResolvedOptions,
  conflicts: Conflict[],
  rspack = false,
): Rule {
  const rule = rspack ? rspackAssetRule(test, options) : webpackAssetRule(kind, test, options);
  if (conflicts.length > 0) {
    rule.exclude = (resource: string) => conflicts.some((conflict) => conflict.matches(resource));
  }
  return rule;
}

function webpackAssetRule(kind: AssetKind, test: RegExp, options: ResolvedOptions): Rule {
  const maxSize = options.maxSize[kind];
  return {
    test,
    type: 'asset',
    parser: {
      dataUrlCondition: (
        source: string | Buffer,
        { filename, module }: { filename: string; module: object },
      ) => {
        const encodedLength = dataUriLength(kind, source, filename);
        setRecord(module as Parameters<typeof setRecord>[0], { kind, encodedLength });
        return encodedLength <= maxSize;
      },
    },
    generator: {
      dataUrl: (content: string | Buffer, { filename }: { filename: string }) =>
        toDataUri(kind, content, filename),
      ...(options.filename === undefined ? {} : { filename: options.filename }),
    },
  };
}

/**
 * On Rspack every file of the kind is emitted: its `dataUrlCondition` takes no function, so the encoded
 * size cannot decide here; the plugin inlines after chunking instead (rspack.ts).
 */
function rspackAssetRule(test: RegExp, options: ResolvedOptions): Rule {
  return {
    test,
    type: 'asset/resource',
    ...(options.filename === undefined ? {} : { generator: { filename: options.filename } }),
  };
}
