import type { QuoteRegion } from '../marks.js';
import { attributionAfter, attributionBefore, attributionEndingBefore } from './attach.js';
import {
  clause,
  cueRange,
  displayContent,
  firstTokenAtOrAfter,
  lastRuleId,
  newlineBetween,
  sentenceBounds,
  type Pass,
  type RuleContext,
} from './context.js';
import type { Cue, RawAttribution } from './types.js';

/** An attribution being built, linked to its first part by position among those found in this pass. */
type Part = Omit<RawAttribution, 'id' | 'continues'> & { continues?: number };

/** True when nothing but whitespace or the end of a sentence precedes the opening mark. */
function standsAlone(ctx: RuleContext, r: QuoteRegion): boolean {
  let i = r.open - 1;
  while (i >= 0 && (ctx.text[i] === ' ' || ctx.text[i] === '\t' || ctx.text[i] === '\u00a0')) i--;
  if (i < 0 || ctx.text[i] === '\n') return true;
  return /[.!?"\u201d\u2019)\]]/.test(ctx.text[i]) && !/\w/.test(ctx.text[i - 1] === '.' ? '' : '');
}

/**
 * Quotations with their attributions: cue after the closing mark or before the opening one, split quotes
 * (`"A," X said. "B"`) and quotes running over several paragraphs, linked to their first part.
 */
export const quotations: Pass = (ctx, attributions) => {
  const out: Part[] = [];
  const regionAttr = new Map<number, number>();
  const regionCue = new Map<number, Cue>();
  for (let ri = 0; ri < ctx.regions.length; ri++) {
    const r = ctx.regions[ri];
    const alone = standsAlone(ctx, r);
    const before = attributionBefore(ctx, r, !alone);
    let embedded = false;
    if (!alone && !before) {
      // Quoted words inside a sentence that ends with an attribution: `Trump is a “change agent,” Cole said.`
      if (r.continuesNext || !attributionAfter(ctx, r)) continue; // partial: handled later
      embedded = true;
    }
    // The statement is the whole chain of paragraphs (and any split continuation).
    let after = r.continuesNext ? null : attributionAfter(ctx, r);
    // `Hayek said, "…." The star then recalled …`: a finished quote keeps the attribution that opened it.
    if (after && before?.source && /[.!?]$/.test(ctx.text.slice(r.start, r.end).trimEnd())) after = null;
    let attr = after ?? before;
    let continues: number | undefined;
    if (r.chainOf !== undefined && regionAttr.has(r.chainOf)) {
      continues = regionAttr.get(r.chainOf);
    }
    if (!after && before?.cue && ri > 0 && regionCue.get(ri - 1) === before.cue && regionAttr.has(ri - 1)) {
      // `"A," he said, "B."`: the second part shares the first part's attribution.
      continues = regionAttr.get(ri - 1);
      attr = null;
    }
    if (!attr && continues === undefined) {
      // A split quote: `"A," X said. "B"` — the previous region in the same paragraph was attributed.
      // Titles and scare quotes may stand between the parts, so look back to the last attributed region.
      let pj = ri - 1;
      while (pj >= 0 && !regionAttr.has(pj) && ri - pj < 4) pj--;
      const prev = pj >= 0 ? ctx.regions[pj] : undefined;
      const prevIdx = pj >= 0 ? regionAttr.get(pj) : undefined;
      if (prev && prevIdx !== undefined && !newlineBetween(ctx, prev.close, r.open) && r.open - prev.close < 250) {
        continues = out[prevIdx].continues ?? prevIdx;
      }
    }
    if (!attr && r.continuesNext) {
      // Multi-paragraph quote attributed at its end: look at the chain's last part.
      let last = ri + 1;
      while (
        last < ctx.regions.length &&
        ctx.regions[last].chainOf === (r.chainOf ?? ri) &&
        ctx.regions[last].continuesNext
      )
        last++;
      const tail = ctx.regions[last];
      if (tail && tail.chainOf === (r.chainOf ?? ri)) after = attributionAfter(ctx, tail);
      attr = after ?? null;
    }
    if (!attr && alone && (continues === undefined || !out[continues]?.source)) {
      attr = attributionEndingBefore(ctx, r);
      const head = continues !== undefined ? out[continues] : undefined;
      if (attr?.source && head && !head.cue) {
        // `"A" before the incident, she said. "B"`: the first part had no attribution of its own.
        head.source = attr.source;
        if (attr.cue) head.cue = cueRange(ctx, attr.cue);
        head.at = attr.source.start;
      }
    }
    if (attr?.cue) {
      ctx.spent.add(attr.cue);
      regionCue.set(ri, attr.cue);
    }
    const idx = out.length;
    regionAttr.set(ri, continues ?? idx);
    const content = displayContent(ctx, r);
    if (content.end <= content.start) continue;
    const first = continues !== undefined ? out[continues] : undefined;
    const cue = attr ? (attr.cueRange ?? (attr.cue ? cueRange(ctx, attr.cue) : undefined)) : first?.cue;
    const source = attr ? attr.source : first?.source;
    const statement = { start: r.open, end: r.close };
    if (attr && attr === before && attr.source) {
      // "In other words, he said, "…"": the statement starts with the sentence.
      const st = firstTokenAtOrAfter(ctx, attr.source.start);
      const sent = ctx.tokens[st]?.sentence;
      const s0 = sentenceBounds(ctx, sent)[0];
      const pre = ctx.tokens.slice(s0, st - 1);
      if (
        st > 0 &&
        ctx.tokens[st - 1].text === ',' &&
        ctx.tokens[st - 1].sentence === sent &&
        pre.length <= 6 &&
        !pre.some((t) => t.upos === 'VERB' || ctx.regionAt[t.start] >= 0)
      ) {
        statement.start = ctx.tokens[s0].start;
      }
    }
    if (!after) {
      // Quoted words that a clause continues ("we should have seen" it coming): the statement runs on.
      const nt = firstTokenAtOrAfter(ctx, r.close);
      const t = ctx.tokens[nt];
      if (
        t &&
        !newlineBetween(ctx, r.close, t.start) &&
        /^\p{Ll}/u.test(t.text) &&
        ctx.regionAt[t.start] < 0 &&
        !ctx.cueAtTok.has(nt)
      ) {
        const end = clause(ctx, nt, sentenceBounds(ctx, t.sentence)[1]);
        if (end) statement.end = end.end;
      }
    }
    if (embedded) {
      const t0 = firstTokenAtOrAfter(ctx, r.open);
      statement.start = ctx.tokens[sentenceBounds(ctx, ctx.tokens[t0].sentence)[0]].start;
    }
    const a: Part = {
      kind: embedded ? 'partial' : 'direct',
      content,
      statement,
      ...(cue ? { cue } : {}),
      ...(source ? { source } : {}),
      ...(attr?.extent ? { sourceExtent: attr.extent } : {}),
      ...(continues !== undefined ? { continues } : {}),
      at: source?.start ?? r.open,
    };
    if (first) {
      // Parts of one statement share its extent, as annotated corpora mark split quotes.
      first.statement = {
        start: Math.min(first.statement.start, r.open),
        end: Math.max(first.statement.end, r.close),
      };
      a.statement = first.statement;
    }
    out.push(a);
  }
  const base = lastRuleId(attributions);
  const id = (k: number): string => `r${base + k + 1}`;
  // A region with no words keeps the index of the next part found, so links are made by position here.
  const found = out.map(({ continues, ...a }, k): RawAttribution => ({
    id: id(k),
    ...a,
    ...(continues !== undefined ? { continues: id(continues) } : {}),
  }));
  return [...attributions, ...found];
};
