import type { Token } from '../../model.js';

/**
 * A read-only view of one sentence's dependency tree, for the attribution models: children lists,
 * subtrees and the relation path between two words. Indices are article token indices.
 */
export class SentenceTree {
  /** Children of each token of the sentence, keyed by `index - first`. */
  private readonly kids: number[][];

  constructor(
    readonly tokens: readonly Token[],
    /** First and one-past-last article token index of the sentence. */
    readonly first: number,
    readonly end: number,
  ) {
    this.kids = Array.from({ length: end - first }, () => []);
    for (let i = first; i < end; i++) {
      const h = tokens[i].head;
      if (h !== undefined && h >= first && h < end && h !== i) this.kids[h - first].push(i);
    }
  }

  children(i: number): readonly number[] {
    return this.kids[i - this.first] ?? [];
  }

  head(i: number): number {
    const h = this.tokens[i].head;
    return h === undefined || h < this.first || h >= this.end || h === i ? -1 : h;
  }

  /** All tokens under `i`, itself included (iterative: a malformed tree cannot overflow the stack). */
  subtree(i: number, skip?: ReadonlySet<number>): number[] {
    if (!skip) {
      const known = this.below.get(i);
      if (known) return known;
    }
    const out: number[] = [];
    const stack = [i];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(k);
      for (const c of this.children(k)) if (!skip?.has(c)) stack.push(c);
    }
    if (!skip) this.below.set(i, out);
    return out;
  }

  private readonly up = new Map<number, number[]>();
  private readonly below = new Map<number, number[]>();

  /** Ancestors of `i` from its head up to the root (cycle-safe; computed once per word). */
  ancestors(i: number): number[] {
    const known = this.up.get(i);
    if (known) return known;
    const out: number[] = [];
    let k = this.head(i);
    while (k >= 0 && out.length <= this.end - this.first) {
      out.push(k);
      k = this.head(k);
    }
    this.up.set(i, out);
    return out;
  }

  /**
   * Words within `maxUp` steps up from `a` and then `maxDown` steps down (in sentence order, `a` itself
   * included): the only places an attribution's source or content can be, as the corpus shows, and a
   * fraction of the sentence to score.
   */
  near(a: number, maxUp: number, maxDown: number): number[] {
    const mark = new Uint8Array(this.end - this.first);
    const tops = [a, ...this.ancestors(a).slice(0, maxUp)];
    for (const top of tops) {
      let level = [top];
      mark[top - this.first] = 1;
      for (let d = 0; d < maxDown && level.length > 0; d++) {
        const next: number[] = [];
        for (const k of level)
          for (const c of this.children(k)) {
            if (mark[c - this.first]) continue;
            mark[c - this.first] = 1;
            next.push(c);
          }
        level = next;
      }
    }
    const out: number[] = [];
    for (let i = 0; i < mark.length; i++) if (mark[i]) out.push(this.first + i);
    return out;
  }

  /** Whether `a` dominates `b` (is `b` or one of its ancestors). */
  dominates(a: number, b: number): boolean {
    return a === b || this.ancestors(b).includes(a);
  }

  /**
   * The relation path from `a` to `b`: `^rel` for each step up from `a` to their lowest common ancestor,
   * `vrel` for each step down to `b`; at most `max` steps each way (longer paths end in `…`).
   */
  path(a: number, b: number, max = 4): string {
    if (a === b) return '=';
    const upA = [a, ...this.ancestors(a)];
    const upB = [b, ...this.ancestors(b)];
    let i = 0;
    let j = -1;
    for (; i < upA.length; i++) {
      j = upB.indexOf(upA[i]);
      if (j >= 0) break;
    }
    if (i >= upA.length) return '?';
    const rel = (t: number): string => this.tokens[t].deprel ?? '_';
    const up = upA.slice(0, i).map((t) => `^${rel(t)}`);
    const down = upB
      .slice(0, j)
      .reverse()
      .map((t) => `v${rel(t)}`);
    const cut = (xs: string[]): string => (xs.length > max ? xs.slice(0, max).join('') + '…' : xs.join(''));
    return cut(up) + cut(down);
  }
}

/** First and one-past-last token index of each sentence, in order. */
export function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  while (s < tokens.length) {
    let e = s + 1;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    out.push([s, e]);
    s = e;
  }
  return out;
}
