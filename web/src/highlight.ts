/** Splits a text into segments at span boundaries, so highlights are built from offsets and rendered as text. */

export interface Mark<T> {
  start: number;
  end: number;
  data: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  text: string;
  mark?: Mark<T>;
}

/** Keeps the earliest-starting (then longest) of overlapping marks so that the result nests nothing. */
export function nonOverlapping<T>(marks: Mark<T>[], length: number): Mark<T>[] {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.end <= length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark<T>[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    out.push(m);
    at = m.end;
  }
  return out;
}

export function segments<T>(text: string, marks: Mark<T>[], from = 0, to = text.length): Segment<T>[] {
  const out: Segment<T>[] = [];
  let at = from;
  for (const m of nonOverlapping(marks, text.length)) {
    if (m.end <= from || m.start >= to) continue;
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (s > at) out.push({ start: at, end: s, text: text.slice(at, s) });
    out.push({ start: s, end: e, text: text.slice(s, e), mark: m });
    at = e;
  }
  if (at < to) out.push({ start: at, end: to, text: text.slice(at, to) });
  return out;
}
