import { CUE_FORMS, CUE_PREFIX } from '../lexicon.js';
import { inQuote, low, type TextContext } from './context.js';
import type { Cue } from './types.js';
import { CAP_WORD, DOCUMENT_SUBJECTS, TIME_HEADS } from './words.js';

/** Adverbs other than "-ly" ones that close an attribution ("fired back", "said then"). */
const POST_CUE_ADVERBS = new Set(['then', 'back', 'again', 'later', 'instead']);
/** "-ly" words after a cue that are not its manner ("said early", "said only that", "the family"). */
const NOT_MANNER_ADVERBS = new Set(
  'early likely nearly only largely family daily weekly monthly yearly really simply directly exactly certainly clearly recently previously currently initially originally shortly immediately hardly barely roughly mostly fully july italy ally rally holly'.split(
    ' ',
  ),
);

/** The cue words and phrases of an article, outside quotations, in text order. */
export function findCues(ctx: TextContext): Cue[] {
  const cues: Cue[] = [];
  const toks = ctx.tokens;
  const forms = CUE_FORMS;
  for (let i = 0; i < toks.length; i++) {
    const w = ctx.lows[i];
    if (w !== 'according' && !forms.has(w)) continue;
    if (inQuote(ctx, i)) continue;
    if (w === 'according' && low(ctx, i + 1) === 'to') {
      cues.push({ tok: i, first: i, last: i + 1, info: null, according: true });
      i++;
      continue;
    }
    const info = CUE_FORMS.get(w);
    if (!info) continue;
    if (info.lemma === 'go on' && low(ctx, i + 1) !== 'on') continue;
    const pos = toks[i].upos;
    // Forms tagged as nouns ("notes", "reads") are cues only right next to a quotation.
    const weak =
      (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') &&
      !['said', 'says', 'told', 'added', 'wrote', 'tweeted'].includes(w) &&
      !(info.lemma === 'show' && DOCUMENT_SUBJECTS.has(low(ctx, i - 1)));
    if (CAP_WORD.test(toks[i].text) && pos === 'PROPN') continue;
    if ((info.lemma === 'shoot' || info.lemma === 'fire') && low(ctx, i + 1) !== 'back') continue;
    // "no data to suggest that": an infinitive reports no one's words.
    if (w === info.lemma && info.lemma !== 'say' && low(ctx, i - 1) === 'to') continue;
    // "a program called Safe Streets", "the so-called deal": a name, not an evaluation.
    if (info.lemma === 'call' && w === 'called' && i > 0) {
      const p = toks[i - 1];
      let d = i - 1;
      while (d > i - 4 && d > 0 && /^(NOUN|ADJ|PROPN)$/.test(toks[d].upos ?? '')) d--;
      const indefinite = d < i - 1 && p.upos === 'NOUN' && !CAP_WORD.test(p.text) && /^(a|an)$/.test(low(ctx, d));
      if (indefinite || (p.text === '-' && low(ctx, i - 2) === 'so')) continue;
    }
    let first = i;
    // `," Will wrote`: a capitalised "Will" or "May" right after a quote or comma is a name, not an auxiliary.
    while (
      first > 0 &&
      CUE_PREFIX.has(low(ctx, first - 1)) &&
      !inQuote(ctx, first - 1) &&
      !(CAP_WORD.test(toks[first - 1].text) && /^[,"\u201d']+$/.test(toks[first - 2]?.text ?? ''))
    )
      first--;
    // "called for", "calling on": the particle belongs to the cue.
    let last = info.particle && info.particle.includes(low(ctx, i + 1)) ? i + 1 : i;
    if (info.needsParticle && last === i) continue;
    // "their say", "the final say": a noun.
    if (
      info.lemma === 'say' &&
      i > 0 &&
      (toks[i - 1].upos === 'DET' || /^(his|her|their|its|our|my|your|final)$/.test(low(ctx, i - 1)))
    )
      continue;
    // Annotated news usually takes "about"/"of"/"with" and "in a statement" into the cue.
    const nx = low(ctx, last + 1);
    // "said of X" is annotated as "said" most of the time.
    const plain = info.lemma === 'say' || info.lemma === 'state';
    if ((nx === 'about' || nx === 'of') && !plain && !inQuote(ctx, last + 1)) last++;
    else if ((info.lemma === 'express' || info.lemma === 'voice') && !inQuote(ctx, last + 1)) {
      // "expressed concern about", "voiced support for": the feeling expressed belongs to the cue.
      let j = last + 1;
      while (j <= last + 3 && /^(DET|ADJ|PRON)$/.test(toks[j]?.upos ?? '')) j++;
      if (toks[j]?.upos === 'NOUN') {
        last = j;
        if (/^(about|for|at|over)$/.test(low(ctx, j + 1))) last = j + 1;
      }
    } else if (nx === 'in' && /^(a|the)$/.test(low(ctx, last + 2))) {
      // "said in a statement", "said in a written statement"
      const m = /^(written|joint|brief|prepared|separate)$/.test(low(ctx, last + 3)) ? 1 : 0;
      if (low(ctx, last + 3 + m) === 'statement') last += 3 + m;
    }
    if (/ing$/.test(w) && first === i) first = statementIssued(ctx, i);
    // "went on to say", "interjected to say", "was prompted to say": the governing verb opens the cue.
    if (w === 'say' && first === i && low(ctx, i - 1) === 'to') {
      let v = i - 2;
      while (v > i - 6 && v > 0 && /^(on|so|far|as|only|then)$/.test(low(ctx, v))) v--;
      if (toks[v]?.upos === 'VERB' && !inQuote(ctx, v) && toks[v].sentence === toks[i].sentence) {
        first = v;
        while (first > 0 && CUE_PREFIX.has(low(ctx, first - 1)) && !inQuote(ctx, first - 1)) first--;
      }
    }
    // "has said recently" is annotated with its adverb.
    if (low(ctx, last + 1) === 'recently' && !inQuote(ctx, last + 1)) last++;
    else if (closingAdverb(ctx, last + 1)) last++;
    cues.push({ tok: i, first, last, info, according: false, ...(weak ? { weak } : {}) });
  }
  return cues;
}

/**
 * "said sarcastically", "asked rhetorically", "fired back", "added later": an adverb that closes the
 * attribution (a comma, a period, a quote mark or "that" follows) is annotated with the cue.
 */
function closingAdverb(ctx: TextContext, j: number): boolean {
  const w = low(ctx, j);
  if (!(POST_CUE_ADVERBS.has(w) || (/^[a-z]{3,}ly$/.test(w) && !NOT_MANNER_ADVERBS.has(w))) || inQuote(ctx, j))
    return false;
  const next = ctx.tokens[j + 1]?.text ?? '';
  return /^[,.;:"\u201c\u201d']+$/.test(next) || next.toLowerCase() === 'that';
}

/**
 * "issued a statement saying", "released a statement Wednesday, saying": the act of issuing the statement
 * belongs to the cue. Returns the first token of the cue (`i` when there is no such phrase).
 */
function statementIssued(ctx: TextContext, i: number): number {
  let j = i - 1;
  if (ctx.tokens[j]?.text === ',') j--;
  let n = 0;
  while (j > 0 && n < 3 && (TIME_HEADS.test(low(ctx, j)) || /^(on|last|this|late|early)$/.test(low(ctx, j)))) {
    j--;
    n++;
  }
  if (!/^(statement|release|email|message|tweet)$/.test(low(ctx, j))) return i;
  let d = j - 1;
  if (/^(brief|short|written|joint|new|lengthy)$/.test(low(ctx, d))) d--;
  if (!/^(a|an|the|its|his|her|their)$/.test(low(ctx, d))) return i;
  const v = d - 1;
  if (!/^(issued|released|sent|put|posted|published)$/.test(low(ctx, v))) return i;
  let first = v;
  if (/^(out)$/.test(low(ctx, v + 1))) return i;
  while (first > 0 && CUE_PREFIX.has(low(ctx, first - 1)) && !inQuote(ctx, first - 1)) first--;
  return inQuote(ctx, first) ? i : first;
}
