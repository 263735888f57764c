import type { Compilation } from 'webpack';
import { rebaseCssUrls } from './css-urls';
import { escapeInlineScript, escapeInlineStyle, stripSourceMapComment } from './escape';
import type { HtmlTag } from './html-webpack-plugin';
import type { PageRecord } from './page';
import { fillPublicPath } from './public-path';
import type { InlineCandidate } from './select';
import { fileFromUrl, inlineScriptTag, inlineStyleTag, losesDefer, tagUrl } from './tags';

export interface InlinePageContext {
  compilation: Compilation;
  candidates: Map<string, InlineCandidate>;
  page: PageRecord;
  /** Reports a problem that does not stop the build. */
  warn(message: string): void;
}

/** The text a candidate becomes inside the page: public path filled in, URLs rebased, escaped. */
function inlineText(candidate: InlineCandidate, source: string, publicPath: string): string {
  const code = stripSourceMapComment(source);
  if (candidate.kind === 'style') return escapeInlineStyle(rebaseCssUrls(code, candidate.file, publicPath));
  return escapeInlineScript(candidate.hasRuntime ? fillPublicPath(code, publicPath) : code);
}

function inlineTag(tag: HtmlTag, context: InlinePageContext): HtmlTag {
  const { compilation, candidates, page } = context;
  const loaded = tagUrl(tag);
  const file = loaded && fileFromUrl(loaded.url, page.publicPath);
  if (!loaded || file === undefined) return tag;
  const candidate = candidates.get(file);
  const asset = compilation.getAsset(file);
  if (!candidate || candidate.kind !== loaded.kind || !asset) {
    page.referenced.add(file);
    return tag;
  }
  const text = inlineText(candidate, asset.source.source().toString(), page.publicPath);
  const chunk = candidate.chunk.name ?? undefined;
  page.inlined.push({ file, chunk, kind: candidate.kind, bytes: Buffer.byteLength(text) });
  if (candidate.kind === 'style') return inlineStyleTag(tag, text);
  if (losesDefer(tag) && !candidate.runtimeOnly) {
    context.warn(
      `${page.asset}: ${file} was a deferred script; inline it runs before the rest of the page is parsed. ` +
        `Use html-webpack-plugin's inject: 'body' with scriptLoading: 'blocking' if it needs the document.`,
    );
  }
  return inlineScriptTag(tag, text);
}

/** Replaces the page's selected script and stylesheet tags by inline ones, in place, keeping their order. */
export function inlinePageTags(tags: HtmlTag[], context: InlinePageContext): HtmlTag[] {
  return tags.map((tag) => inlineTag(tag, context));
}
