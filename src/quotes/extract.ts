import type { AnnotatedArticle, QuoteKind, Token } from '../model.js';
import { findQuoteRegions, type QuoteRegion } from './marks.js';
import { CUE_FORMS, CUE_PREFIX, TIME_WORDS, type CueInfo } from './lexicon.js';

/** A character range into the article text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * One attribution as found, before speakers are named: the internal form shared by the product output and
 * the evaluation mapping. `content` is what users see (quoted words without marks); `statement` is the whole
 * reported statement (with marks, all parts of a split quote, the full "that …" clause of reported speech).
 */
export interface RawAttribution {
  kind: QuoteKind;
  content: Range;
  statement: Range;
  cue?: Range;
  /** The words naming the source at the attribution ("Danny Frost", "he", "the letter"). */
  source?: Range;
  /** The source with its appositive ("Danny Frost, a spokesman for the office,"), as corpora mark it. */
  sourceExtent?: Range;
  /** For later parts of a split or multi-paragraph quote: index of the first part. */
  continues?: number;
  /** Index of the attribution whose speaker this one inherits (partial quotes inside reported speech). */
  inherits?: number;
  /** Offset used to find antecedents for pronouns: where the attribution is stated. */
  at: number;
  /**
   * Set when the attribution model found it: the predicate as written. The evaluation scores everything
   * the model finds (beliefs and actions too, as the corpus marks them); users see only speech and writing.
   */
  predicate?: string;
}

interface Cue {
  tok: number;
  first: number;
  last: number;
  info: CueInfo | null;
  according: boolean;
  used: boolean;
  weak?: boolean;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PART', 'PRON']);
/** Dashes before a name that attributes a quote; U+2015 is the quotation dash (`“…” ― Ana Ruiz`). */
const DASHES = /^[\u2014\u2013\u2015]$|^--$/;
const SUBJ_PRON = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'who', 'you', 'which']);
const NON_NP_WORDS = new Set([
  'that',
  'this',
  'there',
  'what',
  'when',
  'where',
  'whether',
  'if',
  'as',
  'than',
  'so',
  'not',
  'because',
]);
const CAP_WORD = /^\p{Lu}/u;
/**
 * A passive cue: a form of "be" and a participle ("was reported", "have been told", "is widely expected"). Not
 * "was quoted" (its subject is the speaker) nor states of mind ("is convinced", "were outraged").
 */
const PASSIVE_CUE =
  /\b(?:is|are|was|were|be|been|being|’s|'s)(?:\s+\w+ly)?\s+(?!(?:quoted|concerned|convinced|worried|outraged|shocked|surprised|excited|determined|scared|startled|mystified|impressed|disappointed|pleased|opposed|divided|torn|prepared|inclined)\b)\w+(?:ed|en|wn|ld|id|ght|nt)$/i;
/** Adverbs other than "-ly" ones that close an attribution ("fired back", "said then"). */
const POST_CUE_ADVERBS = new Set(['then', 'back', 'again', 'later', 'instead']);
/** "-ly" words after a cue that are not its manner ("said early", "said only that", "the family"). */
const NOT_MANNER_ADVERBS = new Set(
  'early likely nearly only largely family daily weekly monthly yearly really simply directly exactly certainly clearly recently previously currently initially originally shortly immediately hardly barely roughly mostly fully july italy ally rally holly'.split(
    ' ',
  ),
);
/** True for a passive cue ("were ordered", "is widely expected"). */
export function isPassiveCue(cue: string): boolean {
  return PASSIVE_CUE.test(cue);
}
/** A dateline at the start of a paragraph: a place in capitals, an optional agency, a dash. */
const DATELINE = /^\p{Lu}[\p{Lu}.'’ -]+\p{Lu}(?:, \p{Lu}[\p{L}.]+)?(?: \([^)\n]{1,40}\))? ?(?:\u2014|\u2013|--?) +/u;
/** Words after a passive cue that start a time or place, not reported words ("was reported at 6:40 a.m."). */
const PASSIVE_NOT_SPEECH = new Set(['at', 'on', 'about', 'against', 'into', 'upon', 'out', 'over', 'during']);
/** Heads of subjects that "show" something as a source does ("FEC records show …"). */
const DOCUMENT_SUBJECTS = new Set([
  'records',
  'reports',
  'report',
  'polls',
  'poll',
  'filings',
  'filing',
  'figures',
  'numbers',
  'statistics',
  'results',
  'surveys',
  'survey',
  'studies',
  'study',
  'estimates',
  'documents',
  'data',
  'emails',
  'records',
  'polling',
  'research',
  'analysis',
]);
/** Capitalised labels before a colon that are not speakers in a transcript. */
const TRANSCRIPT_NOT_SPEAKERS =
  /^(UPDATE|UPDATED|CORRECTION|PREVIOUSLY|WATCH|BREAKING|EXCLUSIVE|VIDEO|LIVE|EDITOR|NOTE|ADVERTISEMENT|RELATED|READ|PHOTO|PHOTOS|SOURCE|SOURCES|WASHINGTON|AP|CNN|NEW YORK|UPI)$/;
/** Section labels that open a title with a colon but name no source ("The Latest: …", "Update: …"). */
const HEADLINE_LABELS =
  /^(the latest|latest|update|updated|correction|watch|breaking|breaking news|exclusive|live|video|photos|opinion|analysis|editorial|review|quiz|podcast|transcript|editor’s note|editor's note|note|read|related|paid notice)$/;
const PARTICIPLE_LINKS = new Set(['by', 'while', 'after', 'before', 'when', 'in', 'without']);
const QUESTION_LINKS = new Set(['if', 'whether', 'about', 'what', 'who', 'why', 'how', 'when', 'which', 'where']);
const CONTRAST = new Set(['but', 'while', 'however', 'although', 'though', 'whereas']);
const NOT_NAME_POS = new Set(['CCONJ', 'SCONJ', 'ADP', 'VERB', 'AUX', 'ADV', 'PRON', 'PART', 'INTJ']);
const TIME_HEADS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)$/i;

export class AttributionFinder {
  readonly text: string;
  readonly tokens: Token[];
  readonly regions: QuoteRegion[];
  /** For every character, the region covering it (marks included), or -1. */
  private regionAt: Int32Array;
  private paraEnd: Int32Array | null = null;
  /** Number of newlines before each offset, so paragraph breaks between two offsets are found in O(1). */
  private newlines: Int32Array;
  private cues: Cue[] = [];
  private cueAtTok = new Map<number, number>();
  readonly out: RawAttribution[] = [];
  private directs: RawAttribution[] = [];
  /** Set by `subjectOf` when the subject has an appositive. */
  private lastExtent: Range | undefined;

  constructor(doc: AnnotatedArticle) {
    this.text = doc.article.text;
    this.tokens = doc.tokens;
    this.regions = findQuoteRegions(this.text);
    this.lows = this.tokens.map((t) => t.text.toLowerCase());
    this.regionAt = new Int32Array(this.text.length + 1).fill(-1);
    this.newlines = new Int32Array(this.text.length + 1);
    for (let i = 0; i < this.text.length; i++)
      this.newlines[i + 1] = this.newlines[i] + (this.text.charCodeAt(i) === 10 ? 1 : 0);
    this.regions.forEach((r, i) => this.regionAt.fill(i, r.open, r.close));
  }

  private lows: string[];

  private low(i: number): string {
    return this.lows[i] ?? '';
  }

  private inQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.regionAt[t.start] >= 0 && !this.isMark(t.text);
  }

  private isMark(s: string): boolean {
    return /^["\u201c\u201d\u2018\u2019'\u00ab\u00bb]+$/.test(s);
  }

  /** Whether there is a paragraph break between two offsets. */
  private newlineBetween(a: number, b: number): boolean {
    const n = this.text.length;
    const lo = Math.max(0, Math.min(a, b, n));
    const hi = Math.min(n, Math.max(a, b));
    return hi > lo && this.newlines[hi] > this.newlines[lo];
  }

  private firstTokenAtOrAfter(off: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  run(): RawAttribution[] {
    this.findCues();
    this.directQuotes();
    this.headline();
    this.transcript();
    this.indirectSpeech();
    this.partialQuotes();
    this.passives();
    this.datelines();
    return this.out;
  }

  /** A dateline ("PORT EMERY —", "LARKHOLLOW (Meridian Press) —") is not part of the reported words. */
  private datelines(): void {
    for (const a of this.out) {
      const m = DATELINE.exec(this.text.slice(a.content.start, a.content.start + 80));
      if (!m || a.content.start + m[0].length >= a.content.end) continue;
      if (a.statement.start === a.content.start)
        a.statement = { ...a.statement, start: a.statement.start + m[0].length };
      a.content = { ...a.content, start: a.content.start + m[0].length };
    }
  }

  /**
   * Passive cues ("was reported", "were ordered", "is expected"): the subject before the cue is what is
   * reported or who is addressed, not the source, so it is not kept as one. A passive cue followed by a time
   * or a place ("was reported at 6:40 a.m.", "was posted on the site") reports an event, not words.
   */
  private passives(): void {
    const drop = new Set<number>();
    this.out.forEach((a, k) => {
      if (!a.cue || !PASSIVE_CUE.test(this.text.slice(a.cue.start, a.cue.end))) return;
      const next = /^\s*([\p{L}\d]+)/u.exec(this.text.slice(a.cue.end, a.cue.end + 24))?.[1].toLowerCase();
      if (a.kind !== 'direct' && next && (/^\d/.test(next) || PASSIVE_NOT_SPEECH.has(next))) drop.add(k);
      else if (a.source && a.source.end <= a.cue.start) {
        delete a.source;
        delete a.sourceExtent;
      }
    });
    if (drop.size === 0) return;
    const index = new Map<number, number>();
    const kept: RawAttribution[] = [];
    this.out.forEach((a, k) => {
      if (drop.has(k)) return;
      index.set(k, kept.length);
      kept.push(a);
    });
    for (const a of kept) {
      if (a.continues !== undefined) {
        const n = index.get(a.continues);
        if (n === undefined) delete a.continues;
        else a.continues = n;
      }
      if (a.inherits !== undefined) {
        const n = index.get(a.inherits);
        if (n === undefined) delete a.inherits;
        else a.inherits = n;
      }
    }
    this.out.length = 0;
    this.out.push(...kept);
  }

  private findCues(): void {
    const toks = this.tokens;
    const forms = CUE_FORMS;
    for (let i = 0; i < toks.length; i++) {
      const w = this.lows[i];
      if (w !== 'according' && !forms.has(w)) continue;
      if (this.inQuote(i)) continue;
      if (w === 'according' && this.low(i + 1) === 'to') {
        this.addCue({ tok: i, first: i, last: i + 1, info: null, according: true, used: false });
        i++;
        continue;
      }
      const info = CUE_FORMS.get(w);
      if (!info) continue;
      if (info.lemma === 'go on' && this.low(i + 1) !== 'on') continue;
      const pos = toks[i].upos;
      // Forms tagged as nouns ("notes", "reads") are cues only right next to a quotation.
      const weak =
        (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') &&
        !['said', 'says', 'told', 'added', 'wrote', 'tweeted'].includes(w) &&
        !(info.lemma === 'show' && DOCUMENT_SUBJECTS.has(this.low(i - 1)));
      if (CAP_WORD.test(toks[i].text) && pos === 'PROPN') continue;
      if ((info.lemma === 'shoot' || info.lemma === 'fire') && this.low(i + 1) !== 'back') continue;
      // "no data to suggest that": an infinitive reports no one's words.
      if (w === info.lemma && info.lemma !== 'say' && this.low(i - 1) === 'to') continue;
      // "a program called Safe Streets", "the so-called deal": a name, not an evaluation.
      if (info.lemma === 'call' && w === 'called' && i > 0) {
        const p = toks[i - 1];
        let d = i - 1;
        while (d > i - 4 && d > 0 && /^(NOUN|ADJ|PROPN)$/.test(toks[d].upos ?? '')) d--;
        const indefinite = d < i - 1 && p.upos === 'NOUN' && !CAP_WORD.test(p.text) && /^(a|an)$/.test(this.low(d));
        if (indefinite || (p.text === '-' && this.low(i - 2) === 'so')) continue;
      }
      let first = i;
      // `," Will wrote`: a capitalised "Will" or "May" right after a quote or comma is a name, not an auxiliary.
      while (
        first > 0 &&
        CUE_PREFIX.has(this.low(first - 1)) &&
        !this.inQuote(first - 1) &&
        !(CAP_WORD.test(toks[first - 1].text) && /^[,"\u201d']+$/.test(toks[first - 2]?.text ?? ''))
      )
        first--;
      // "called for", "calling on": the particle belongs to the cue.
      let last = info.particle && info.particle.includes(this.low(i + 1)) ? i + 1 : i;
      if (info.needsParticle && last === i) continue;
      // "their say", "the final say": a noun.
      if (
        info.lemma === 'say' &&
        i > 0 &&
        (toks[i - 1].upos === 'DET' || /^(his|her|their|its|our|my|your|final)$/.test(this.low(i - 1)))
      )
        continue;
      // Annotated news usually takes "about"/"of"/"with" and "in a statement" into the cue.
      const nx = this.low(last + 1);
      // "said of X" is annotated as "said" most of the time.
      const plain = info.lemma === 'say' || info.lemma === 'state';
      if ((nx === 'about' || nx === 'of') && !plain && !this.inQuote(last + 1)) last++;
      else if ((info.lemma === 'express' || info.lemma === 'voice') && !this.inQuote(last + 1)) {
        // "expressed concern about", "voiced support for": the feeling expressed belongs to the cue.
        let j = last + 1;
        while (j <= last + 3 && /^(DET|ADJ|PRON)$/.test(toks[j]?.upos ?? '')) j++;
        if (toks[j]?.upos === 'NOUN') {
          last = j;
          if (/^(about|for|at|over)$/.test(this.low(j + 1))) last = j + 1;
        }
      } else if (nx === 'in' && /^(a|the)$/.test(this.low(last + 2))) {
        // "said in a statement", "said in a written statement"
        const m = /^(written|joint|brief|prepared|separate)$/.test(this.low(last + 3)) ? 1 : 0;
        if (this.low(last + 3 + m) === 'statement') last += 3 + m;
      }
      if (/ing$/.test(w) && first === i) first = this.statementIssued(i);
      // "went on to say", "interjected to say", "was prompted to say": the governing verb opens the cue.
      if (w === 'say' && first === i && this.low(i - 1) === 'to') {
        let v = i - 2;
        while (v > i - 6 && v > 0 && /^(on|so|far|as|only|then)$/.test(this.low(v))) v--;
        if (toks[v]?.upos === 'VERB' && !this.inQuote(v) && toks[v].sentence === toks[i].sentence) {
          first = v;
          while (first > 0 && CUE_PREFIX.has(this.low(first - 1)) && !this.inQuote(first - 1)) first--;
        }
      }
      // "has said recently" is annotated with its adverb.
      if (this.low(last + 1) === 'recently' && !this.inQuote(last + 1)) last++;
      else if (this.closingAdverb(last + 1)) last++;
      this.addCue({ tok: i, first, last, info, according: false, used: false, ...(weak ? { weak } : {}) });
    }
  }

  /**
   * "said sarcastically", "asked rhetorically", "fired back", "added later": an adverb that closes the
   * attribution (a comma, a period, a quote mark or "that" follows) is annotated with the cue.
   */
  private closingAdverb(j: number): boolean {
    const w = this.low(j);
    if (!(POST_CUE_ADVERBS.has(w) || (/^[a-z]{3,}ly$/.test(w) && !NOT_MANNER_ADVERBS.has(w))) || this.inQuote(j))
      return false;
    const next = this.tokens[j + 1]?.text ?? '';
    return /^[,.;:"\u201c\u201d']+$/.test(next) || next.toLowerCase() === 'that';
  }

  /**
   * "issued a statement saying", "released a statement Wednesday, saying": the act of issuing the statement
   * belongs to the cue. Returns the first token of the cue (`i` when there is no such phrase).
   */
  private statementIssued(i: number): number {
    let j = i - 1;
    if (this.tokens[j]?.text === ',') j--;
    let n = 0;
    while (j > 0 && n < 3 && (TIME_HEADS.test(this.low(j)) || /^(on|last|this|late|early)$/.test(this.low(j)))) {
      j--;
      n++;
    }
    if (!/^(statement|release|email|message|tweet)$/.test(this.low(j))) return i;
    let d = j - 1;
    if (/^(brief|short|written|joint|new|lengthy)$/.test(this.low(d))) d--;
    if (!/^(a|an|the|its|his|her|their)$/.test(this.low(d))) return i;
    const v = d - 1;
    if (!/^(issued|released|sent|put|posted|published)$/.test(this.low(v))) return i;
    let first = v;
    if (/^(out)$/.test(this.low(v + 1))) return i;
    while (first > 0 && CUE_PREFIX.has(this.low(first - 1)) && !this.inQuote(first - 1)) first--;
    return this.inQuote(first) ? i : first;
  }

  private addCue(c: Cue): void {
    this.cueAtTok.set(c.tok, this.cues.length);
    this.cues.push(c);
  }

  private cueRange(c: Cue): Range {
    return { start: this.tokens[c.first].start, end: this.tokens[c.last].end };
  }

  /** Whether token i can be part of a noun phrase naming a source. */
  private npToken(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.inQuote(i)) return false;
    const w = t.text.toLowerCase();
    // "this source", "these officials": a demonstrative before a noun is a determiner.
    if ((w === 'this' || w === 'these' || w === 'those') && /^(NOUN|ADJ)$/.test(this.tokens[i + 1]?.upos ?? ''))
      return true;
    if (NON_NP_WORDS.has(w)) return false;
    if (NP_POS.has(t.upos ?? '')) return true;
    if (/^[’']s?$/.test(t.text)) return true;
    // A hyphenated modifier the tagger reads as a verb: "the conservative-leaning newspaper".
    if (/^\p{Ll}+-\p{Ll}+$/u.test(t.text) && /^(NOUN|ADJ|PROPN)$/.test(this.tokens[i + 1]?.upos ?? '')) return true;
    // Hyphenated words are split by the tokenizer: "Twenty-four", "76-year-old".
    if (t.text === '-' && this.tokens[i - 1]?.end === t.start && this.tokens[i + 1]?.start === t.end) return true;
    const prev = this.tokens[i - 1];
    if (prev && prev.text === '-' && prev.end === t.start && this.tokens[i - 2]?.end === prev.start) return true;
    // Capitalised function words start sentences ("But", "After"); inside a sentence they are names ("Time's Up").
    const midSentence =
      i > 0 && this.tokens[i - 1].sentence === t.sentence && !/^[.!?"\u201c:]$/.test(this.tokens[i - 1].text);
    if (CAP_WORD.test(t.text) && /^[\p{L}.\-’']+$/u.test(t.text) && (midSentence || !NOT_NAME_POS.has(t.upos ?? '')))
      return true;
    // A first name the tagger reads as a verb ("Grant Young, …"): capitalised and followed by a proper noun.
    const next = this.tokens[i + 1];
    if (
      CAP_WORD.test(t.text) &&
      t.upos === 'VERB' &&
      next?.upos === 'PROPN' &&
      CAP_WORD.test(next.text) &&
      next.sentence === t.sentence &&
      !CUE_FORMS.has(w)
    )
      return true;
    return false;
  }

  /** The noun phrase ending at token `k` (inclusive), as a token range, or null. */
  npEndingAt(k: number, limit = 0): [number, number] | null {
    const toks = this.tokens;
    if (k < limit || !toks[k]) return null;
    const sent = toks[k].sentence;
    const w = this.low(k);
    if (SUBJ_PRON.has(w)) return [k, k];
    // "said Tuesday" is not a subject, but "4 in 10 say" is.
    if (TIME_HEADS.test(w) || (/^\d+$/.test(w) && !/^(in|of)$/.test(this.low(k - 1)))) return null;
    if (toks[k].upos === 'NUM' && this.low(k - 1) === 'in' && toks[k - 2]?.upos === 'NUM' && k - 2 >= limit) {
      // Poll shares: "six in 10 said", "more than 4 in 10 say".
      let s = k - 2;
      if (/^(than)$/.test(this.low(s - 1)) && /^(more|less|fewer)$/.test(this.low(s - 2)) && s - 2 >= limit) s -= 2;
      else if (/^(nearly|almost|about|roughly|some|only)$/.test(this.low(s - 1)) && s - 1 >= limit) s -= 1;
      return [s, k];
    }
    if (w === ')') {
      // "Gov. John Kasich (R-OH)": the parenthesis belongs to the name.
      let j = k - 1;
      while (j > limit && j > k - 8 && toks[j].text !== '(') j--;
      if (toks[j]?.text === '(' && j - 1 >= limit) {
        const inner = this.npEndingAt(j - 1, limit);
        return inner ? [inner[0], k] : null;
      }
      return null;
    }
    let i = k;
    let n = 0;
    while (i >= limit && toks[i].sentence === sent && n < 12) {
      const lw = this.low(i);
      if (this.npToken(i)) {
        const pos = toks[i].upos;
        if (pos === 'PRON' && i !== k && !['his', 'her', 'their', 'its', 'our', 'my'].includes(lw)) break;
        i--;
        n++;
        continue;
      }
      // "a spokesman for the office", "Vance and the DA's office"
      if (
        (lw === 'for' || lw === 'of' || lw === 'and' || lw === '&' || lw === 'in' || lw === 'at' || lw === 'from') &&
        i > limit &&
        i < k &&
        this.npToken(i - 1) &&
        ((lw !== 'in' && lw !== 'at' && lw !== 'from') || toks[i - 1].upos === 'NOUN')
      ) {
        i--;
        n++;
        continue;
      }
      // "people familiar with the matter", "a source close to the campaign"
      if (
        (lw === 'with' || lw === 'to') &&
        i > limit + 1 &&
        i < k &&
        /^(familiar|close)$/.test(this.low(i - 1)) &&
        this.npToken(i - 2)
      ) {
        i -= 2;
        n++;
        continue;
      }
      break;
    }
    let s = i + 1;
    while (s <= k && ['for', 'of', 'and', '&', "'s", '’s', 'in', 'at', 'from'].includes(this.low(s))) s++;
    if (s > k) return null;
    // "the 46-year-old" names a person.
    const hasHead =
      toks
        .slice(s, k + 1)
        .some((t) => t.upos === 'NOUN' || t.upos === 'PROPN' || t.upos === 'PRON' || CAP_WORD.test(t.text)) ||
      (/-old$/.test(w) && k > s);
    return hasHead ? [s, k] : null;
  }

  /** The noun phrase starting at token `k`, stopping at punctuation or a verb. */
  npStartingAt(k: number): [number, number] | null {
    const toks = this.tokens;
    if (!toks[k]) return null;
    if (SUBJ_PRON.has(this.low(k))) return [k, k];
    const sent = toks[k].sentence;
    let i = k;
    while (i < toks.length && toks[i].sentence === sent && i - k < 12) {
      const lw = this.low(i);
      // A determiner after a noun starts a new phrase ("told reporters the vote …").
      if (i > k && toks[i].upos === 'DET' && (toks[i - 1].upos === 'NOUN' || toks[i - 1].upos === 'PROPN')) break;
      if (this.npToken(i) && !(toks[i].upos === 'PRON' && i !== k)) {
        i++;
        continue;
      }
      // "one unaligned strategist", "a retired general": a participle tagged as a verb inside the phrase.
      if (
        i > k &&
        toks[i].upos === 'VERB' &&
        /(ed|ing)$/.test(this.low(i)) &&
        /^(DET|NUM|ADJ)$/.test(toks[i - 1].upos ?? '') &&
        /^(NOUN|PROPN|ADJ)$/.test(toks[i + 1]?.upos ?? '') &&
        toks[i + 1]?.sentence === sent
      ) {
        i++;
        continue;
      }
      if (
        (lw === 'of' || lw === 'for' || lw === 'and') &&
        i > k &&
        this.npToken(i + 1) &&
        toks[i + 1]?.upos !== 'PRON'
      ) {
        i++;
        continue;
      }
      break;
    }
    let e = i - 1;
    while (e >= k && (['of', 'for', 'and'].includes(this.low(e)) || TIME_HEADS.test(this.low(e)))) e--;
    if (e < k) return null;
    const hasHead =
      toks.slice(k, e + 1).some((t) => t.upos === 'NOUN' || t.upos === 'PROPN' || CAP_WORD.test(t.text)) ||
      (/-old$/.test(this.low(e)) && e > k);
    return hasHead ? [k, e] : null;
  }

  private span(a: number, b: number): Range {
    return { start: this.tokens[a].start, end: this.tokens[b].end };
  }

  /** Subject of a cue: the noun phrase before it, looking past an appositive ("Frost, a spokesman, said"). */
  private subjectOf(c: Cue, limit: number): Range | undefined {
    this.lastExtent = undefined;
    let k = c.first - 1;
    if (k < limit) return undefined;
    // "Ryan on Tuesday called …", "Two committees on Monday asked …": a day between subject and cue.
    if (/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$/.test(this.low(k))) {
      const j = this.low(k - 1) === 'on' ? k - 2 : k - 1;
      if (j >= limit && this.tokens[j].text !== ',' && this.npEndingAt(j, limit)) k = j;
    }
    const np = this.npEndingAt(k, limit);
    if (np) {
      // "a source speaking to Fox News said", "sent an email to supporters saying": the phrase right before
      // the cue is an object; the subject opens the clause.
      const b = np[0] - 1;
      if (b > limit && this.low(b) === 'to' && this.tokens[b].sentence === this.tokens[k].sentence) {
        const s0 = Math.max(this.sentenceBounds(this.tokens[k].sentence)[0], limit);
        const head = this.clauseSubject(s0, b);
        if (head) return this.span(head[0], head[1]);
      }
      return this.span(np[0], np[1]);
    }
    // `…,” adding, “…`: a closing mark after the comma does not hide the participle's link.
    const kt =
      this.isMark(this.tokens[k]?.text ?? 'x') && this.tokens[k - 1]?.text === ',' ? ',' : this.tokens[k]?.text;
    const s0 = Math.max(this.sentenceBounds(this.tokens[c.tok].sentence)[0], limit);
    const lk = this.low(k);
    const participle =
      /ing$/.test(this.low(c.tok)) && (kt === ',' || kt === '\u2014' || kt === '\u2013' || PARTICIPLE_LINKS.has(lk));
    if (participle) {
      // "…, Spicer said, adding, …": the participle shares the subject of the cue before it.
      for (let j = k - 1; j >= s0; j--) {
        const ci = this.cueAtTok.get(j);
        if (ci === undefined || this.cues[ci] === c) continue;
        const prev = this.cues[ci];
        const saved = this.lastExtent;
        const sub = prev.according ? undefined : this.subjectOf(prev, limit);
        if (sub) return sub;
        this.lastExtent = saved;
        break;
      }
    }
    if (participle || lk === 'and' || lk === 'but') {
      // "…, saying …" and "… and said …" share the subject of the main clause.
      const head = this.clauseSubject(s0, k);
      if (head) return this.span(head[0], head[1]);
    }
    if (kt === ',') {
      // Appositives and relative clauses: "NAME, a spokesman for X, said", "NAME, 58, who lives here, says".
      for (let p = s0 + 1; p < k; p++) {
        if (this.tokens[p].text !== ',' || this.inQuote(p)) continue;
        const head = this.npEndingAt(p - 1, s0);
        if (!head) continue;
        const before = this.tokens[head[0] - 1];
        // "As Andrew Tabler, an expert on Syria, noted", "But Sen. X, …, said": a subordinator or conjunction
        // may open the sentence; a preposition heads a phrase that is not the subject ("In a statement, X, …").
        if (
          head[0] !== s0 &&
          before.text !== ',' &&
          !(before.upos === 'CCONJ' && this.tokens[head[0] - 2]?.text === ',') &&
          !(
            head[0] - 1 === s0 &&
            (before.upos === 'SCONJ' ||
              /^(as|but|and|so)$/i.test(before.text) ||
              (before.upos === 'ADP' && !/^(in|on|at|during|after|before)$/i.test(before.text)))
          )
        )
          continue;
        const last = this.tokens[head[1]];
        if (!CAP_WORD.test(last.text) && last.upos !== 'NOUN' && last.text !== ')') break;
        if (k - p > 25) break;
        this.lastExtent = this.span(head[0], k);
        return this.span(head[0], head[1]);
      }
    }
    return undefined;
  }

  /** "Smith, the fire chief." after an inverted cue: the name with its appositive, to the sentence end. */
  private appositiveAfter(np: [number, number]): Range | undefined {
    const toks = this.tokens;
    const comma = np[1] + 1;
    const next = toks[comma + 1];
    if (toks[comma]?.text !== ',' || !next || next.sentence !== toks[np[1]].sentence) return undefined;
    if (
      (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(next.upos ?? '') && next.text !== 'who') ||
      this.regionAt[next.start] >= 0
    )
      return undefined;
    const [, s1] = this.sentenceBounds(next.sentence);
    let e = s1;
    while (e > comma && /^[.!?]$/.test(toks[e].text)) e--;
    for (let j = comma + 1; j <= e; j++)
      if (this.regionAt[toks[j].start] >= 0 || toks[j].text === '\n') return undefined;
    return e > comma ? { start: toks[np[0]].start, end: toks[e].end } : undefined;
  }

  /** Whether a cue after a quotation closes the attribution rather than starting new reported speech. */
  private endsAttribution(c: Cue): boolean {
    const t = this.tokens[c.last + 1];
    if (!t || t.sentence !== this.tokens[c.last].sentence) return true;
    if (/^[.,;:!?)\u2014\u2013]$/.test(t.text) || this.isMark(t.text) || c.info?.addressee) return true;
    const w = this.low(c.last + 1);
    if (w === 'that') return false;
    // "said of Apple", "said answering a question"
    if (c.last > c.tok || /ing$/.test(w)) return true;
    if (
      (TIME_WORDS.has(w) && !/^(a|an|the|this)$/.test(w)) ||
      TIME_HEADS.test(w) ||
      t.upos === 'ADP' ||
      t.upos === 'ADV' ||
      t.upos === 'SCONJ'
    )
      return true;
    // "said 30 minutes into the debate"
    if (t.upos === 'NUM' && /^(minutes?|hours?|days?|weeks?|months?|years?|seconds?)$/.test(this.low(c.last + 2)))
      return true;
    // "said the day after", "said the next morning"
    if (
      t.upos === 'DET' &&
      (TIME_HEADS.test(this.low(c.last + 2)) ||
        TIME_HEADS.test(this.low(c.last + 3)) ||
        /^(day|time|same)$/.test(this.low(c.last + 2)))
    )
      return true;
    return !(t.upos === 'PRON' || t.upos === 'DET' || t.upos === 'PROPN' || t.upos === 'NOUN' || t.upos === 'NUM');
  }

  /** The subject of the main clause between tokens s0 and k: the first noun phrase followed by a verb. */
  private clauseSubject(s0: number, k: number): [number, number] | null {
    for (let p = s0; p < k; p++) {
      // "And then Trump went …": leading conjunctions and adverbs do not hide the subject.
      const opener = p - s0 <= 2 && this.tokens.slice(s0, p).every((t) => t.upos === 'CCONJ' || t.upos === 'ADV');
      if (
        p !== s0 &&
        !opener &&
        this.tokens[p - 1].text !== ',' &&
        !(this.isMark(this.tokens[p - 1].text) && this.tokens[p - 2]?.text === ',')
      )
        continue;
      if (this.inQuote(p)) continue;
      const head = this.npStartingAt(p);
      if (!head || head[1] >= k) continue;
      let v = head[1] + 1;
      // "Rep. Hakeem Jeffries (D-N.Y.) reacted": a party label between subject and verb.
      if (this.tokens[v]?.text === '(') {
        let q = v;
        while (q < k && q - v < 8 && this.tokens[q].text !== ')') q++;
        if (this.tokens[q]?.text === ')') v = q + 1;
      }
      // "Suu Kyi, 70, said": a short appositive between subject and verb.
      if (this.tokens[v]?.text === ',' && p === s0) {
        let q = v + 1;
        while (q < k && q - v < 8 && this.tokens[q].text !== ',' && this.tokens[q].upos !== 'VERB') q++;
        if (this.tokens[q]?.text === ',' && q > v + 1) v = q + 1;
      }
      // "Carson did not mention", "Trump immediately posted"
      while (v < k && (this.tokens[v].upos === 'ADV' || this.tokens[v].upos === 'PART')) v++;
      if (['VERB', 'AUX'].includes(this.tokens[v]?.upos ?? '')) return head;
    }
    return null;
  }

  /** The quoted region (index) a token starts, if the token is an opening mark. */
  private regionOpeningAt(off: number): number {
    const r = this.regionAt[off];
    return r >= 0 && this.regions[r].open === off ? r : -1;
  }

  /**
   * Attribution after a closing mark: `," X said`, `," said X`, `" — X`, `," according to X`.
   * Returns cue and source when the words right after the quote are an attribution.
   */
  private attributionAfter(r: QuoteRegion): { cue?: Cue; cueRange?: Range; source?: Range; extent?: Range } | null {
    let i = this.firstTokenAtOrAfter(r.close);
    const toks = this.tokens;
    if (i >= toks.length || this.newlineBetween(r.close, toks[i].start)) return null;
    while (
      i < toks.length &&
      (toks[i].text === ',' || this.isMark(toks[i].text)) &&
      !this.newlineBetween(r.close, toks[i].start)
    )
      i++;
    if (i >= toks.length || this.newlineBetween(r.close, toks[i].start) || this.regionAt[toks[i].start] >= 0)
      return null;
    // `"…" - Sanders`: a spaced hyphen works as a dash.
    const hyphen =
      toks[i].text === '-' && /\s/.test(this.text[toks[i].start - 1] ?? '') && /\s/.test(this.text[toks[i].end] ?? '');
    if (DASHES.test(toks[i].text) || hyphen) {
      const np = this.npStartingAt(i + 1);
      if (np && CAP_WORD.test(toks[np[0]].text)) return { cueRange: this.span(i, i), source: this.span(np[0], np[1]) };
      return null;
    }
    for (let j = i; j < Math.min(toks.length, i + 30); j++) {
      if (this.regionAt[toks[j].start] >= 0 || this.newlineBetween(r.close, toks[j].start)) break;
      const ci = this.cueAtTok.get(j);
      if (ci === undefined) {
        // A period inside an abbreviation ("D-Wash.") does not end the attribution.
        if (/^[;!?]$/.test(toks[j].text) || (toks[j].text === '.' && toks[j + 1]?.sentence !== toks[j].sentence)) break;
        continue;
      }
      const c = this.cues[ci];
      if (c.according) {
        if (c.first !== i) return null;
        const np = this.accordingSource(c);
        return { cue: c, source: np ? this.span(np[0], np[1]) : undefined };
      }
      // `"A." He added, "B."`: after a finished sentence, a cue followed by `,`/`:` and a quote introduces it.
      if (this.introducesQuote(c) && /[.!?]$/.test(this.text.slice(r.start, r.end).trimEnd())) return null;
      // `"…," referring to the Islamic State`: a participle after the quote comments on it; it names no speaker.
      if (c.first === i && /ing$/.test(this.low(c.tok))) return null;
      if (c.first === i) {
        // Inverted: `," said Smith, the …`
        const np = this.npStartingAt(c.last + 1);
        // `," Read said`: a name that is also a cue word.
        if (!np && this.cueAtTok.has(c.last + 1) && CAP_WORD.test(toks[c.tok].text)) continue;
        if (!np) return null;
        const extent = this.appositiveAfter(np);
        return { cue: c, source: this.span(np[0], np[1]), ...(extent ? { extent } : {}) };
      }
      // A cue in a relative clause (`"…," Warren, who has not endorsed anyone, told reporters`) is passed over.
      let p = c.first - 1;
      while (p > i && toks[p].text !== ',') p--;
      if (p > i && /^(who|which)$/.test(this.low(p + 1))) continue;
      // `"…" Adler said the campaign …` reports something else: the cue must end the attribution.
      if (!this.endsAttribution(c)) return null;
      const np = this.npEndingAt(c.first - 1, i);
      if (np && np[0] === i) return { cue: c, source: this.span(np[0], np[1]) };
      // `," Will wrote.`, `," Read said.`: a lone capitalised word between quote and cue is a name, whatever
      // the tagger says.
      if (c.first - 1 === i && /^\p{Lu}[\p{L}’'-]+$/u.test(toks[i].text)) return { cue: c, source: this.span(i, i) };
      // "… ," Frost, a spokesman, said
      const subj = this.subjectOf(c, i);
      if (subj && subj.start === toks[i].start)
        return { cue: c, source: subj, ...(this.lastExtent ? { extent: this.lastExtent } : {}) };
      return null;
    }
    return null;
  }

  /**
   * A quote opening right after a sentence that ends with an attribution in the same paragraph:
   * `… climate change, Axelrod said. "This is core stuff."` — the same speaker goes on.
   */
  private attributionEndingBefore(r: QuoteRegion): { cue?: Cue; source?: Range; extent?: Range } | null {
    const toks = this.tokens;
    const k = this.firstTokenAtOrAfter(r.open) - 1;
    if (k < 1 || toks[k].text !== '.' || this.newlineBetween(toks[k].end, r.open)) return null;
    const [s0] = this.sentenceBounds(toks[k].sentence);
    for (let j = k - 1; j >= s0 && j >= k - 8; j--) {
      if (this.regionAt[toks[j].start] >= 0) return null;
      const ci = this.cueAtTok.get(j);
      if (ci === undefined) continue;
      const c = this.cues[ci];
      // Evaluations count only as the whole short sentence: `Bystrom agreed. "…"`.
      if (c.last >= k || (c.info && !c.info.speech && c.last !== k - 1)) return null;
      if (c.according) {
        const np = this.accordingSource(c);
        return np && np[1] === k - 1 ? { cue: c, source: this.span(np[0], np[1]) } : null;
      }
      if (!this.trailingOnly(c.last + 1, k - 1, -1)) return null;
      const subj = this.subjectOf(c, s0);
      if (subj) return { cue: c, source: subj, ...(this.lastExtent ? { extent: this.lastExtent } : {}) };
      if (toks[c.first - 1]?.text === ',') {
        const np = this.npStartingAt(c.last + 1);
        if (np && np[1] === k - 1) return { cue: c, source: this.span(np[0], np[1]) };
      }
      return null;
    }
    return null;
  }

  /** Whether a cue is followed by `,` or `:` and an opening quote mark (`he added, "…`). */
  private introducesQuote(c: Cue): boolean {
    const t = this.tokens[c.last + 1];
    const n = this.tokens[c.last + 2];
    return (
      t !== undefined && n !== undefined && (t.text === ',' || t.text === ':') && this.regionOpeningAt(n.start) >= 0
    );
  }

  /** Attribution before an opening mark: `X said: "`, `X told reporters, "`, `according to X, "`. */
  private attributionBefore(
    r: QuoteRegion,
    tight = false,
  ): { cue?: Cue; cueRange?: Range; source?: Range; extent?: Range } | null {
    const toks = this.tokens;
    let k = this.firstTokenAtOrAfter(r.open) - 1;
    let paragraphColon = false;
    if (k < 0 || this.newlineBetween(toks[k].end, r.open)) {
      // A paragraph ending with "said:" introduces a quote paragraph.
      if (k >= 0 && toks[k].text === ':' && !this.text.slice(toks[k].end, r.open).includes('\n\n\n')) {
        k--;
        paragraphColon = true;
      } else return null;
    }
    let colon = paragraphColon;
    // Inside a sentence only `said: "` or `said, "` introduces a full quote.
    if (tight && toks[k].text !== ',' && toks[k].text !== ':') return null;
    while (k >= 0 && (toks[k].text === ',' || toks[k].text === ':')) {
      colon ||= toks[k].text === ':';
      k--;
    }
    if (k < 0) return null;
    // Scan back a few tokens for the cue, allowing an addressee or time words between.
    for (let j = k; j >= 0 && j > k - 6; j--) {
      if (this.regionAt[toks[j].start] >= 0 && !this.isMark(toks[j].text)) break;
      const ci = this.cueAtTok.get(j);
      if (ci === undefined) {
        if (/^[.;!?"]$/.test(toks[j].text)) break;
        continue;
      }
      const c = this.cues[ci];
      if (c.according) {
        const np = this.accordingSource(c);
        return np ? { cue: c, source: this.span(np[0], np[1]) } : null;
      }
      if (j !== k) {
        const between = toks.slice(j + 1, k + 1);
        const ok = between.every(
          (t) =>
            TIME_WORDS.has(t.text.toLowerCase()) ||
            t.upos === 'PROPN' ||
            t.upos === 'NOUN' ||
            t.upos === 'DET' ||
            t.upos === 'PRON' ||
            t.upos === 'NUM' ||
            t.upos === 'ADP',
        );
        if (!ok) return null;
      }
      const subj = this.subjectOf(c, 0);
      if (subj) return { cue: c, source: subj, ...(this.lastExtent ? { extent: this.lastExtent } : {}) };
      const inv = c.info?.addressee ? null : this.npStartingAt(c.last + 1);
      if (inv && inv[1] < k + 1) return { cue: c, source: this.span(inv[0], inv[1]) };
      return { cue: c };
    }
    if (colon) {
      // "… are problematic - Pew Research: “…”" — a name after a dash introduces the quote.
      const np0 = this.npEndingAt(k);
      if (
        np0 &&
        np0[0] > 0 &&
        /^(-|--|\u2014|\u2013)$/.test(toks[np0[0] - 1].text) &&
        CAP_WORD.test(toks[np0[0]].text)
      ) {
        const ct = this.firstTokenAtOrAfter(toks[k].end);
        return { cueRange: this.span(ct, ct), source: this.span(np0[0], np0[1]) };
      }
      // "Clinton released the following statement: “…”" — the clause's subject introduces the quote.
      const sent = toks[k].sentence;
      const s0 = this.sentenceBounds(sent)[0];
      const subj = this.clauseSubject(s0, k);
      if (subj && subj[1] + 1 <= k) {
        let v = subj[1] + 1;
        while (v < k && (toks[v].upos === 'ADV' || toks[v].upos === 'PART')) v++;
        if (toks[v].upos === 'VERB' || toks[v].upos === 'AUX')
          return { cueRange: this.span(v, v), source: this.span(subj[0], subj[1]) };
      }
      // "Pew Research: “…”" — a source and a colon at the start of a sentence.
      const np = this.npEndingAt(k);
      if (
        np &&
        (np[0] === 0 ||
          toks[np[0] - 1].sentence !== toks[np[0]].sentence ||
          this.newlineBetween(toks[np[0] - 1].end, toks[np[0]].start))
      ) {
        const ct = this.firstTokenAtOrAfter(toks[k].end);
        return { cueRange: this.span(ct, ct), source: this.span(np[0], np[1]) };
      }
    }
    return null;
  }

  /** True when nothing but whitespace or the end of a sentence precedes the opening mark. */
  private standsAlone(r: QuoteRegion): boolean {
    let i = r.open - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === '\u00a0')) i--;
    if (i < 0 || this.text[i] === '\n') return true;
    return /[.!?"\u201d\u2019)\]]/.test(this.text[i]) && !/\w/.test(this.text[i - 1] === '.' ? '' : '');
  }

  /** Trims a quote's content for display: no trailing comma or spaces. */
  private displayContent(r: QuoteRegion): Range {
    let e = r.end;
    while (e > r.start && /[\s,]/.test(this.text[e - 1])) e--;
    return { start: r.start, end: e };
  }

  private directQuotes(): void {
    const regionAttr = new Map<number, number>();
    const regionCue = new Map<number, Cue>();
    for (let ri = 0; ri < this.regions.length; ri++) {
      const r = this.regions[ri];
      const alone = this.standsAlone(r);
      const before = this.attributionBefore(r, !alone);
      let embedded = false;
      if (!alone && !before) {
        // Quoted words inside a sentence that ends with an attribution: `Trump is a “change agent,” Cole said.`
        if (r.continuesNext || !this.attributionAfter(r)) continue; // partial: handled later
        embedded = true;
      }
      // The statement is the whole chain of paragraphs (and any split continuation).
      let after = r.continuesNext ? null : this.attributionAfter(r);
      // `Hayek said, "…." The star then recalled …`: a finished quote keeps the attribution that opened it.
      if (after && before?.source && /[.!?]$/.test(this.text.slice(r.start, r.end).trimEnd())) after = null;
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
        const prev = pj >= 0 ? this.regions[pj] : undefined;
        const prevIdx = pj >= 0 ? regionAttr.get(pj) : undefined;
        if (prev && prevIdx !== undefined && !this.newlineBetween(prev.close, r.open) && r.open - prev.close < 250) {
          continues = this.out[prevIdx].continues ?? prevIdx;
        }
      }
      if (!attr && r.continuesNext) {
        // Multi-paragraph quote attributed at its end: look at the chain's last part.
        let last = ri + 1;
        while (
          last < this.regions.length &&
          this.regions[last].chainOf === (r.chainOf ?? ri) &&
          this.regions[last].continuesNext
        )
          last++;
        const tail = this.regions[last];
        if (tail && tail.chainOf === (r.chainOf ?? ri)) after = this.attributionAfter(tail);
        attr = after ?? null;
      }
      if (!attr && alone && (continues === undefined || !this.out[continues]?.source)) {
        attr = this.attributionEndingBefore(r);
        const head = continues !== undefined ? this.out[continues] : undefined;
        if (attr?.source && head && !head.cue) {
          // `"A" before the incident, she said. "B"`: the first part had no attribution of its own.
          head.source = attr.source;
          if (attr.cue) head.cue = this.cueRange(attr.cue);
          head.at = attr.source.start;
        }
      }
      if (attr?.cue) {
        attr.cue.used = true;
        regionCue.set(ri, attr.cue);
      }
      const idx = this.out.length;
      regionAttr.set(ri, continues ?? idx);
      const content = this.displayContent(r);
      if (content.end <= content.start) continue;
      const first = continues !== undefined ? this.out[continues] : undefined;
      const cueRange = attr ? (attr.cueRange ?? (attr.cue ? this.cueRange(attr.cue) : undefined)) : first?.cue;
      const source = attr ? attr.source : first?.source;
      const statement = { start: r.open, end: r.close };
      if (attr && attr === before && attr.source) {
        // "In other words, he said, "…"": the statement starts with the sentence.
        const st = this.firstTokenAtOrAfter(attr.source.start);
        const sent = this.tokens[st]?.sentence;
        const s0 = this.sentenceBounds(sent)[0];
        const pre = this.tokens.slice(s0, st - 1);
        if (
          st > 0 &&
          this.tokens[st - 1].text === ',' &&
          this.tokens[st - 1].sentence === sent &&
          pre.length <= 6 &&
          !pre.some((t) => t.upos === 'VERB' || this.regionAt[t.start] >= 0)
        ) {
          statement.start = this.tokens[s0].start;
        }
      }
      if (!after) {
        // Quoted words that a clause continues ("we should have seen" it coming): the statement runs on.
        const nt = this.firstTokenAtOrAfter(r.close);
        const t = this.tokens[nt];
        if (
          t &&
          !this.newlineBetween(r.close, t.start) &&
          /^\p{Ll}/u.test(t.text) &&
          this.regionAt[t.start] < 0 &&
          !this.cueAtTok.has(nt)
        ) {
          const end = this.clause(nt, this.sentenceBounds(t.sentence)[1]);
          if (end) statement.end = end.end;
        }
      }
      if (embedded) {
        const t0 = this.firstTokenAtOrAfter(r.open);
        statement.start = this.tokens[this.sentenceBounds(this.tokens[t0].sentence)[0]].start;
      }
      const a: RawAttribution = {
        kind: embedded ? 'partial' : 'direct',
        content,
        statement,
        ...(cueRange ? { cue: cueRange } : {}),
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
      this.out.push(a);
    }
    // A bare quote paragraph followed directly by an attributed quote paragraph: one speaker, one statement
    // (`"A."` ¶ `"B," Viguerie notes.`).
    for (let i = this.out.length - 2; i >= 0; i--) {
      const a = this.out[i];
      const b = this.out[i + 1];
      if (a.source || a.cue || a.continues !== undefined || b.continues !== undefined || !b.source) continue;
      const gap = this.text.slice(a.statement.end, b.statement.start);
      if (gap.trim() !== '' || !gap.includes('\n')) continue;
      b.statement = { start: a.statement.start, end: b.statement.end };
      a.statement = b.statement;
      a.source = b.source;
      if (b.cue) a.cue = b.cue;
      if (b.sourceExtent) a.sourceExtent = b.sourceExtent;
      a.at = b.at;
    }
    this.directs = this.out.slice();
    // Later parts share the first part's final extent.
    for (const a of this.out) if (a.continues !== undefined) a.statement = this.out[a.continues].statement;
  }

  private sentenceBounds(si: number): [number, number] {
    // Token index range of sentence si.
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].sentence < si) lo = mid + 1;
      else hi = mid;
    }
    let e = lo;
    while (e < toks.length && toks[e].sentence === si) e++;
    return [lo, e - 1];
  }

  /**
   * A title line "Clinton camp: Trump's rhetoric threatens security": a short name, a colon, and what the
   * named source says. Only the first paragraph of the text, and not section labels ("The Latest: …").
   */
  private headline(): void {
    const toks = this.tokens;
    let colon = -1;
    for (let i = 0; i < toks.length && i <= 6; i++) {
      if (this.newlineBetween(0, toks[i].start)) return;
      if (toks[i].text === ':') {
        colon = i;
        break;
      }
      if (this.regionAt[toks[i].start] >= 0 || /^(VERB|AUX|PUNCT|SCONJ)$/.test(toks[i].upos ?? '')) {
        if (!(toks[i].upos === 'PUNCT' && /^[-.’']$/.test(toks[i].text))) return;
      }
    }
    if (colon < 1 || !CAP_WORD.test(toks[0].text)) return;
    const label = this.text.slice(toks[0].start, toks[colon - 1].end).toLowerCase();
    if (HEADLINE_LABELS.test(label)) return;
    let e = colon + 1;
    while (e + 1 < toks.length && !this.newlineBetween(toks[colon].end, toks[e + 1].start)) e++;
    if (e - colon < 3) return;
    const content = this.clause(colon + 1, e);
    if (!content || this.out.some((a) => a.statement.start < content.end && content.start < a.statement.end)) return;
    const source = this.span(0, colon - 1);
    this.out.push({
      kind: 'indirect',
      content,
      statement: content,
      cue: this.span(colon, colon),
      source,
      at: source.start,
    });
  }

  /**
   * Interview transcripts: paragraphs opening with a speaker label in capitals ("TAPPER: …", "Q: …"). Only
   * when the article has at least two such labels, so a lone "UPDATE:" or "BREAKING:" is not a speaker.
   */
  private transcript(): void {
    const toks = this.tokens;
    const found: Array<[number, number]> = [];
    for (let i = 0; i < toks.length; i++) {
      if (i > 0 && !this.newlineBetween(toks[i - 1].end, toks[i].start)) continue;
      let j = i;
      while (j < toks.length && j - i < 3 && /^\p{Lu}[\p{Lu}.’'-]*$/u.test(toks[j].text) && !this.inQuote(j)) j++;
      if (j === i || toks[j]?.text !== ':' || this.newlineBetween(toks[i].start, toks[j].start)) continue;
      const label = this.text.slice(toks[i].start, toks[j - 1].end);
      if (TRANSCRIPT_NOT_SPEAKERS.test(label)) continue;
      found.push([i, j]);
    }
    if (found.length < 2) return;
    for (const [i, colon] of found) {
      let e = colon + 1;
      while (e + 1 < toks.length && !this.newlineBetween(toks[colon].end, toks[e + 1].start)) e++;
      if (e <= colon) continue;
      const content = this.clause(colon + 1, e);
      if (!content || this.out.some((a) => a.statement.start < content.end && content.start < a.statement.end))
        continue;
      const source = this.span(i, colon - 1);
      this.out.push({
        kind: 'indirect',
        content,
        statement: content,
        cue: this.span(colon, colon),
        source,
        at: source.start,
      });
    }
  }

  /** Trims a token range's trailing punctuation (final period, comma) and returns it as a range. */
  private clause(a: number, b: number): Range | undefined {
    const toks = this.tokens;
    while (b >= a && /^[.,;:!?\u2014\u2013-]+$/.test(toks[b].text)) b--;
    while (a <= b && /^[,:\u2014\u2013-]+$/.test(toks[a].text)) a++;
    if (b - a < 1) return undefined;
    // Keep a closing quote mark when its opening mark is inside the clause.
    let end = toks[b].end;
    const r = this.regionAt[toks[b].start];
    if (r >= 0 && this.regions[r].open >= toks[a].start) end = Math.max(end, this.regions[r].close);
    let start = toks[a].start;
    const r0 = this.regionAt[start];
    if (r0 >= 0 && this.regions[r0].open < start && this.regions[r0].close <= end) start = this.regions[r0].open;
    const txt = this.text.slice(start, end);
    if (
      /[.,]["\u201d]$/.test(txt) === false &&
      /["\u201d]$/.test(this.text.slice(end, end + 1)) &&
      this.regionAt[end] >= 0
    )
      end += 1;
    return { start, end };
  }

  private indirectSpeech(): void {
    const toks = this.tokens;
    for (const c of this.cues) {
      if (c.used) continue;
      const [s0, s1] = this.sentenceBounds(toks[c.tok].sentence);
      if (c.according) {
        this.according(c, s0, s1);
        continue;
      }
      const info = c.info!;
      if (info.lemma === 'read' || info.directOnly || c.weak) continue;
      let subj = this.subjectOf(c, s0);
      let extent = this.lastExtent;
      let inverted = false;
      if (!subj) {
        // "…, said Smith." / "…, says the report."
        const prevTok = toks[c.first - 1];
        if (prevTok && prevTok.text === ',' && c.first - 1 > s0) {
          const np = this.npStartingAt(c.last + 1);
          if (np) {
            subj = this.span(np[0], np[1]);
            extent = this.appositiveAfter(np);
            inverted = true;
          }
        }
      }
      if (
        !subj &&
        info.lemma === 'ask' &&
        (c.first === s0 || ['when', 'whenever', 'after', 'once'].includes(this.low(c.first - 1)))
      ) {
        // "Asked whether …, Clinton said": the question is reported without naming who asked it.
        let q = c.last + 1;
        // "When asked by a reporter whether …"
        if (this.low(q) === 'by') {
          const by = this.npStartingAt(q + 1);
          if (by) q = by[1] + 1;
        }
        if (QUESTION_LINKS.has(this.low(q)) || QUESTION_LINKS.has(this.low(c.last))) {
          let e = q;
          while (e < s1 && toks[e + 1].text !== ',' && this.regionAt[toks[e + 1].start] < 0) e++;
          const content = this.clause(q, e);
          if (content) this.push('indirect', content, c, undefined);
        }
        continue;
      }
      if (!subj) continue;
      const subjTok = this.firstTokenAtOrAfter(subj.start);
      if (info.belief && subj.end === toks[subjTok].end && toks[subjTok].upos === 'PRON') continue;
      // "records show", "new filings show": records report their findings like speakers.
      const documentary =
        info.lemma === 'show' && DOCUMENT_SUBJECTS.has(this.low(this.firstTokenAtOrAfter(subj.end) - 1));
      if (info.lemma === 'show' && this.low(c.tok) === 'show' && !documentary) continue;
      const speech = info.speech || documentary;
      // Trailing attribution: CLAUSE , NP cue [modifiers] .
      const commaBefore = inverted ? c.first - 1 : subjTok - 1;
      if (
        !inverted &&
        commaBefore > s0 + 1 &&
        toks[commaBefore].text === ',' &&
        speech &&
        this.regionAt[toks[s0].start] < 0
      ) {
        // Parenthetical: "Survival, Mr. VandeHei says, depends on …" — one statement around the attribution.
        let j = c.last + 1;
        while (j <= s1 && j - c.last <= 4 && toks[j].text !== ',' && toks[j].upos !== 'VERB' && toks[j].upos !== 'AUX')
          j++;
        if (j <= s1 - 2 && toks[j].text === ',') {
          const whole = this.clause(s0, s1);
          const tail = this.clause(j + 1, s1);
          if (whole && tail && !this.overlapsDirect(whole)) {
            this.push('indirect', tail, c, subj, extent);
            this.out[this.out.length - 1].statement = whole;
            continue;
          }
        }
      }
      if (commaBefore > s0 + 2 && toks[commaBefore].text === ',' && speech) {
        const subjEnd = this.firstTokenAtOrAfter(subj.end);
        // "…, said Howard Rubel, a senior analyst, who notes …": an appositive may follow an inverted subject.
        const tailOk =
          this.trailingOnly(c.last + 1, s1, inverted ? subjEnd : -1) ||
          (inverted && toks[subjEnd]?.text === ',' && subjEnd + 1 < s1);
        if (tailOk) {
          const content = this.clause(s0, commaBefore - 1);
          if (content && !this.overlapsDirect(content)) {
            this.push('indirect', content, c, subj, extent);
            continue;
          }
        }
      }
      if (inverted) continue;
      // Forward: NP cue [addressee] [time] (that)? CLAUSE
      let k = c.last + 1;
      if (info.addressee && c.last === c.tok) {
        // Straight after "told"/"asked" comes the addressee, never a finite verb: a plural noun the tagger
        // read as a third-person verb ("told reporters") is the addressee.
        const np = this.npStartingAt(k) ?? (toks[k]?.xpos === 'VBZ' && /s$/.test(this.low(k)) ? [k, k] : null);
        if (np) k = np[1] + 1;
      }
      let thatAt = -1;
      for (let j = k; j <= Math.min(s1, k + 10); j++) {
        const lw = this.low(j);
        // After an evaluation ("referring to the firms that …") a later "that" opens a relative clause.
        if (lw === 'that' && (speech || j === k)) {
          thatAt = j;
          break;
        }
        const p = toks[j].upos ?? '';
        if (
          p === 'VERB' ||
          p === 'AUX' ||
          (p === 'PUNCT' && toks[j].text !== ',') ||
          p === 'SCONJ' ||
          p === 'PRON' ||
          this.regionAt[toks[j].start] >= 0
        )
          break;
      }
      if (thatAt >= 0) k = thatAt;
      else
        while (
          k <= s1 &&
          TIME_WORDS.has(this.low(k)) &&
          toks[k].upos !== 'PRON' &&
          this.low(k) !== 'that' &&
          k - c.last < 4 &&
          !/^(a|an|the|this)$/.test(this.low(k))
        )
          k++;
      if (k > s1) continue;
      if (toks[k].text === ':' || toks[k].text === ',') {
        // `X said: "…"` is a direct quote (handled above); anything else after a colon is the content.
        if (this.regionOpeningAt(toks[k + 1]?.start ?? -1) >= 0) continue;
        k++;
      }
      if (this.regionOpeningAt(toks[k]?.start ?? -1) >= 0) {
        const r = this.regions[this.regionAt[toks[k].start]];
        if (r.close >= toks[s1].start) continue;
      }
      // The clause ends at the sentence end or before a following ", adding"/", saying".
      let e = s1;
      for (let j = k + 1; j <= s1; j++) {
        const ci = this.cueAtTok.get(j);
        if (ci !== undefined && toks[j - 1]?.text === ',' && /ing$/.test(this.low(j))) {
          e = j - 2;
          break;
        }
        if (
          ci !== undefined &&
          this.isMark(toks[j - 1]?.text ?? 'x') &&
          toks[j - 2]?.text === ',' &&
          /ing$/.test(this.low(j))
        ) {
          e = j - 1;
          break;
        }
        if (toks[j - 1]?.text === ',' && CONTRAST.has(this.low(j)) && this.regionAt[toks[j].start] < 0) {
          e = j - 2;
          break;
        }
        // "… to take back his words and said he …": a second cue of the same subject ends the content.
        if (
          this.low(j) === 'and' &&
          (this.cueAtTok.has(j + 1) || this.cueAtTok.has(j + 2)) &&
          this.regionAt[toks[j].start] < 0
        ) {
          e = toks[j - 1].text === ',' ? j - 2 : j - 1;
          break;
        }
      }
      const content = this.clause(k, e);
      if (!content || this.overlapsDirect(content)) continue;
      if (!info.speech && thatAt < 0) {
        // Evaluation verbs ("criticized", "called") report an object, not a clause.
        this.push('indirect', content, c, subj, extent);
        continue;
      }
      this.push('indirect', content, c, subj, extent);
    }
  }

  /** Whether tokens a..s1 after a trailing cue are only modifiers (time, place, "in a statement"). */
  private trailingOnly(a: number, s1: number, from: number): boolean {
    const start = from >= 0 ? from : a;
    let n = 0;
    for (let j = start; j <= s1; j++) {
      const t = this.tokens[j];
      if (/^[.!?]$/.test(t.text)) continue;
      if (this.regionAt[t.start] >= 0) return false;
      if (t.upos === 'VERB' || t.upos === 'AUX' || t.upos === 'SCONJ' || t.text.toLowerCase() === 'that') return false;
      if (t.text === ',' && from < 0) return false;
      n++;
      if (n > 10) return false;
    }
    return true;
  }

  private overlapsDirect(r: Range): boolean {
    return this.directs.some(
      (a) =>
        a.kind === 'direct' &&
        a.statement.start < r.end &&
        r.start < a.statement.end &&
        !(
          r.start <= a.statement.start &&
          a.statement.end <= r.end &&
          a.statement.end - a.statement.start < (r.end - r.start) / 2
        ),
    );
  }

  /**
   * The source after "according to": a noun phrase, or, when tagging breaks the phrase ("exit polls" with
   * "exit" as a verb), the words up to the next punctuation or clause boundary.
   */
  private accordingSource(c: Cue): [number, number] | null {
    const np = this.npStartingAt(c.last + 1);
    if (np) return np;
    const toks = this.tokens;
    const k = c.last + 1;
    if (!toks[k] || toks[k].sentence !== toks[c.last].sentence) return null;
    let e = k;
    while (
      e < toks.length &&
      e - k < 12 &&
      toks[e].sentence === toks[k].sentence &&
      this.regionAt[toks[e].start] < 0 &&
      !/^[.,;:!?()\u2014\u2013]$|^--$/.test(toks[e].text) &&
      !/^(that|which|who|but|and)$/.test(this.low(e))
    )
      e++;
    e--;
    if (e < k) return null;
    const head = toks.slice(k, e + 1).some((t) => t.upos === 'NOUN' || t.upos === 'PROPN');
    return head ? [k, e] : null;
  }

  private according(c: Cue, s0: number, s1: number): void {
    const toks = this.tokens;
    const np = this.accordingSource(c);
    if (!np) return;
    const source = this.span(np[0], np[1]);
    if (c.first === s0 || (c.first === s0 + 1 && /^(but|and)$/i.test(toks[s0].text))) {
      // According to X, CLAUSE.
      let k = np[1] + 1;
      while (k <= s1 && toks[k].text !== ',' && k - np[1] < 10) k++;
      const content = this.clause(k + 1, s1);
      if (content) this.push('indirect', content, c, source);
      return;
    }
    const before = toks[c.first - 1]?.text === ',' ? c.first - 2 : c.first - 1;
    if (before - s0 < 1) return;
    const content = this.clause(s0, before);
    if (!content || this.overlapsDirect(content)) return;
    const after = np[1] + 1;
    if (toks[after]?.text === ',' && after + 2 <= s1 && toks[after].sentence === toks[s0].sentence) {
      // "X, according to Y, is Z": the statement surrounds the attribution.
      // Shown whole: a sentence with the attribution inside reads better than its first words.
      this.push('indirect', this.clause(s0, s1) ?? content, c, source);
      return;
    }
    if (before === c.first - 2 || after > s1 || /^[.!?]$/.test(toks[after]?.text ?? ''))
      this.push('indirect', content, c, source);
  }

  private push(kind: QuoteKind, content: Range, c: Cue, source: Range | undefined, extent?: Range): void {
    c.used = true;
    this.out.push({
      kind,
      content,
      statement: content,
      cue: this.cueRange(c),
      ...(source ? { source } : {}),
      ...(extent ? { sourceExtent: extent } : {}),
      at: source?.start ?? content.start,
    });
  }

  /** Quoted words inside a sentence ("called the move “particularly disturbing”"). */
  private partialQuotes(): void {
    const covered = (r: QuoteRegion): boolean =>
      this.directs.some((a) => a.content.start >= r.start && a.content.start < r.end);
    const cuesBySentence = new Map<number, Cue[]>();
    for (const c of this.cues) {
      const s = this.tokens[c.tok].sentence;
      const l = cuesBySentence.get(s);
      if (l) l.push(c);
      else cuesBySentence.set(s, [c]);
    }
    const parents = this.out.map((a, i) => ({ a, i })).filter(({ a }) => a.kind === 'indirect');
    for (const r of this.regions) {
      if (covered(r)) continue;
      const content = this.displayContent(r);
      if (content.end <= content.start) continue;
      // Scare quotes around one word are not quotations.
      if (!/\s/.test(this.text.slice(content.start, content.end)) && content.end - content.start < 25) {
        const parent0 = parents.find(({ a }) => a.statement.start <= r.open && r.close <= a.statement.end + 1);
        if (!parent0) continue;
      }
      const parent = parents.find(({ a }) => a.statement.start <= r.open && r.close <= a.statement.end + 1);
      if (parent) {
        this.out.push({
          kind: 'partial',
          content,
          statement: parent.a.statement,
          ...(parent.a.cue ? { cue: parent.a.cue } : {}),
          ...(parent.a.source ? { source: parent.a.source } : {}),
          inherits: parent.i,
          at: parent.a.at,
        });
        continue;
      }
      // Governing cue in the same sentence, before the quote.
      const ti = this.firstTokenAtOrAfter(r.open);
      const sent = this.tokens[ti]?.sentence;
      let best: Cue | undefined;
      for (const c of cuesBySentence.get(sent) ?? []) {
        if (this.tokens[c.tok].end <= r.open) best = c;
      }
      const subj = best && !best.according ? this.subjectOf(best, this.sentenceBounds(sent)[0]) : undefined;
      this.out.push({
        kind: 'partial',
        content,
        statement: { start: r.open, end: r.close },
        ...(best ? { cue: this.cueRange(best) } : {}),
        ...(subj ? { source: subj } : {}),
        at: subj?.start ?? r.open,
      });
    }
  }
}

/** Finds attributions in an annotated article (tokens and sentences must be present). */
export function findAttributions(doc: AnnotatedArticle): RawAttribution[] {
  if (doc.tokens.length === 0) return [];
  return new AttributionFinder(doc).run();
}
