/** Runs the time rules over a text: each rule around its cores, then overlap resolution between the matches. */
import { RULES } from './configuration.js';
import type { Candidate } from './resolve.js';
import type { CoredRule, Groups } from './rules/pattern.js';

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 9 ||
    c === 13 ||
    c === 160 ||
    c === 12 ||
    c === 11 ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x3000
  );
}

/** Every rule match in `text`, before overlap resolution. */
export function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const n = text.length;
  const words = new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.some((w) => words.has(w))) continue;
    const seen = new Set<number>();
    rule.core.lastIndex = 0;
    let coveredUntil = -1;
    for (let h = rule.core.exec(text); h; h = rule.core.exec(text)) {
      const p = h.index;
      if (h[0].length === 0) rule.core.lastIndex++;
      if (p < coveredUntil) continue;
      // The window starts and ends at whitespace, so the rule's boundary checks see whole words. A core inside a
      // run of 40+ characters without whitespace (a URL, a digit string) is no time expression: skip the run.
      let tokStart = p;
      while (tokStart > 0 && !isSpace(text.charCodeAt(tokStart - 1)) && p - tokStart < 40) tokStart--;
      let tokEnd = p + h[0].length;
      while (tokEnd < n && !isSpace(text.charCodeAt(tokEnd)) && tokEnd - p < 40) tokEnd++;
      if (
        (tokStart > 0 && !isSpace(text.charCodeAt(tokStart - 1))) ||
        (tokEnd < n && !isSpace(text.charCodeAt(tokEnd)))
      ) {
        let next = p + 1;
        while (next < n && !isSpace(text.charCodeAt(next))) next++;
        rule.core.lastIndex = Math.max(rule.core.lastIndex, next);
        continue;
      }
      let ws = Math.max(0, p - 70);
      while (ws < tokStart && ws > 0 && !isSpace(text.charCodeAt(ws - 1))) ws++;
      let we = Math.min(n, p + h[0].length + 70);
      while (we > tokEnd && we < n && !isSpace(text.charCodeAt(we))) we--;
      const win = text.slice(ws, we);
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(win); m; m = rule.re.exec(win)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const ms = m.index + ws;
        if (ms > p) break;
        if (ms + m[0].length <= p || seen.has(ms)) continue;
        seen.add(ms);
        coveredUntil = Math.max(coveredUntil, ms + m[0].length);
        m.index = ms;
        emit(rule, m);
      }
    }
  }
  return out;

  function emit(rule: CoredRule, m: RegExpExecArray): void {
    const made = rule.make((m.groups ?? {}) as Groups, m, text);
    if (made) {
      let start = m.index + (made.skip ?? 0);
      let end = made.end ?? m.index + m[0].length;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /[\s,]/.test(text[end - 1])) end--;
      if (end > start) out.push({ start, end, type: made.type, anchored: made.anchored, resolve: made.resolve });
    }
  }
}

/** Keeps the longest non-overlapping candidates (earlier rules win ties). */
export function selectCandidates(cands: Candidate[]): Candidate[] {
  const order = cands.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const taken: Candidate[] = [];
  let maxEnd = 0;
  for (const c of cands) maxEnd = Math.max(maxEnd, c.end);
  const used = new Uint8Array(maxEnd);
  outer: for (const { c } of order) {
    for (let i = c.start; i < c.end; i++) if (used[i]) continue outer;
    used.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}
