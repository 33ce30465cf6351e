/** Coarse tense of the clause around a time expression, used to pick the direction of relative dates. */
export type Tense = 'past' | 'future' | 'present' | 'none';

const IRREGULAR_PAST = new Set(
  (
    'said was were had did told went came took gave made met left held saw got found began became sent spent won ' +
    'lost sold bought brought thought felt kept led paid ran rose fell grew knew wrote spoke broke chose drove flew ' +
    'threw struck shot fought caught taught stood understood built meant heard hid laid sat slept stole swore tore wore ' +
    'woke ate drew forgot froze hung rang sang sank shook sprang stuck swept swung bit bled blew bore bound dealt dug ' +
    'fed fled forgave lent lit overtook rode sought shone slid spun wept withdrew undertook arose awoke beat ' +
    'declined ago'
  ).split(' '),
);

/** Words ending in -ed that are not past verbs. */
const NOT_PAST = new Set(
  'need needs indeed united hundred speed seed feed bed red shed bred naked wicked sacred proceed exceed succeed breed creed greed deed weed tweed embed'.split(
    ' ',
  ),
);

const FUTURE = new Set([
  'will',
  "'ll",
  '’ll',
  'shall',
  'would',
  'plans',
  'plan',
  'planned',
  'scheduled',
  'expected',
  'slated',
  'due',
  'upcoming',
]);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do']);

const WORD = /[\p{L}’']+/gu;

interface Signal {
  pos: number;
  tense: Exclude<Tense, 'none'>;
}

function classify(word: string, next: string | undefined): Exclude<Tense, 'none'> | undefined {
  const w = word.toLowerCase();
  if (FUTURE.has(w)) {
    // "expected" / "planned" / "scheduled" followed by "to" point forward; alone they are past participles.
    if (w === 'expected' && next !== 'to' && next !== 'for') return 'past';
    return 'future';
  }
  if ((w === 'going' || w === 'set' || w === 'is' || w === 'are' || w === 'due') && next === 'to') return 'future';
  if (IRREGULAR_PAST.has(w)) return 'past';
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w) && /^[a-z]/.test(word)) return 'past';
  if (PRESENT.has(w)) return 'present';
  return undefined;
}

/**
 * The tense signal nearest to `[start,end)` inside `sentence` (offsets relative to the article text).
 * Words before the expression weigh slightly more: in "said Monday" the governing verb comes first.
 */
export function tenseAround(text: string, sentStart: number, sentEnd: number, start: number, end: number): Tense {
  const signals: Signal[] = [];
  const s = text.slice(sentStart, sentEnd);
  WORD.lastIndex = 0;
  const words: Array<{ w: string; pos: number }> = [];
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) words.push({ w: m[0], pos: sentStart + m.index });
  for (let i = 0; i < words.length; i++) {
    const { w, pos } = words[i];
    if (pos >= start && pos < end) continue;
    let t = classify(w, words[i + 1]?.w.toLowerCase());
    // "had been due to", "was expected to": a plan seen from the past, so the date is usually past too.
    if (t === 'future' && /^(due|expected|scheduled|set|planned|slated)$/i.test(w)) {
      const prev = words.slice(Math.max(0, i - 3), i).map((x) => x.w.toLowerCase());
      if (prev.some((x) => x === 'had' || x === 'was' || x === 'were')) t = 'past';
    }
    if (t) signals.push({ pos, tense: t });
  }
  // "effective Feb. 1", "as soon as Tuesday", "starting Monday": the date is ahead of the writer. "By" is too,
  // unless the clause is in the past perfect: "by Tuesday evening, 312 people had signed in".
  const cue =
    /\b(?:effective|as\s+soon\s+as|by|starting|beginning|postponed\s+(?:until|to)|delayed\s+(?:until|to)|deadline\s+of)\s+(?:on\s+)?$/i.exec(
      text.slice(Math.max(sentStart, start - 30), start),
    );
  if (cue && !(/^by\b/i.test(cue[0]) && /\bhad\s+(?:\w+\s+)?\w+(?:ed|en|wn|un|ne)\b/i.test(s))) {
    return 'future';
  }
  // "could take until Thursday", "may last until Friday": a modal looking ahead to the end of something.
  if (
    /\b(?:could|might|may|can|will|would|should|must)\s+(?:[\p{L}’']+\s+){1,3}(?:until|till|through)\s+$/iu.test(
      text.slice(Math.max(sentStart, start - 60), start),
    )
  ) {
    return 'future';
  }
  // "since the Oct. 23 slaying": the date is behind the writer.
  if (
    /\bsince\s+(?:(?:shortly|just|soon)\s+)?(?:(?:after|before)\s+)?(?:the\s+|last\s+)?$/i.test(
      text.slice(Math.max(sentStart, start - 40), start),
    )
  ) {
    return 'past';
  }
  if (signals.length === 0) return 'none';
  // Prefer signals of the expression's own clause: "said in October that it would act" is past.
  const boundaries: number[] = [];
  for (const m of s.matchAll(
    /[;:]|,\s+(?:and|but|while|which|who|although|though)\b|\b(?:that|which|who|because|although|though|but|while)\b/giu,
  )) {
    boundaries.push(sentStart + (m.index ?? 0));
  }
  const sameClause = signals.filter(
    (sig) => !boundaries.some((b) => (sig.pos < start ? b > sig.pos && b < start : b >= end && b < sig.pos)),
  );
  const pool = sameClause.length > 0 ? sameClause : signals;
  let best: Signal | undefined;
  let bestDist = Infinity;
  for (const sig of pool) {
    const dist = sig.pos < start ? (start - sig.pos) * 0.8 : sig.pos - end + 1;
    // Future markers ("will", "would") decide even when a past verb is closer: "said it would meet Monday".
    const weight = sig.tense === 'future' ? dist * 0.6 : sig.tense === 'present' ? dist * 1.5 : dist;
    if (weight < bestDist) {
      bestDist = weight;
      best = sig;
    }
  }
  return best?.tense ?? 'none';
}
