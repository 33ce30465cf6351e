import type { AnnotatedArticle, Speaker } from '../model.js';
import type { Range, RawAttribution } from './extract.js';
import { DOCUMENT_NOUNS, FEMALE_HINTS, MALE_HINTS, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS } from './lexicon.js';

interface NameRun {
  start: number;
  end: number;
  /** The name without titles ("Gov. Andrew Cuomo" → "Andrew Cuomo"). */
  name: string;
  sentence: number;
  org: boolean;
  gender?: 'f' | 'm';
  /** First name in its sentence: usually the subject. */
  subject: boolean;
  /** Followed by a possessive ("Vance's office"): not the subject. */
  possessive: boolean;
  entity?: number;
  /** Lower-cased last word, for surname matching. */
  last: string;
}

interface DocAuthor {
  at: number;
  head: string;
  author: string;
  entity?: number;
}

const CAP = /^\p{Lu}/u;
// Local bindings: hot loops read these for every token.
const TITLES = TITLE_WORDS;
const FEMALE = FEMALE_HINTS;
const MALE = MALE_HINTS;
const ORGS = ORG_HEADS;
const SKIP_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'But',
  'And',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'It',
  'This',
  'That',
]);
/** ", Xiang Huicheng," after a role: two to four capitalised words closed by punctuation. */
const APPOSITIVE_NAME = /^,\s+((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)\s*(?=[,.;]|$)/u;
/** A possessive owner and a lower-case head: "Larkhollow's fire chief", "the city's own audit". */
const OWNED_ROLE =
  /^(?:(?:the|a|an)\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*['’]s\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+)$/u;
const DET_START = /^(?:the|a|an|his|her|their|its|our)\s+/i;
const POST_MODIFIER_AT = /\s(?:at|from|in|on|with|near|outside|inside|who|which|that|whose)\s/giu;

/**
 * Where the head phrase of a source ends: before a prepositional phrase or relative clause. "Of" and "for"
 * are kept ("chief of staff", "a spokeswoman for the council"), and so are "six in 10" and "people familiar
 * with the talks", which name their speakers whole.
 */
function headPhraseEnd(text: string): number {
  POST_MODIFIER_AT.lastIndex = 0;
  for (let m = POST_MODIFIER_AT.exec(text); m; m = POST_MODIFIER_AT.exec(text)) {
    const before = text.slice(0, m.index).split(/\s+/).pop()?.toLowerCase() ?? '';
    const after = text.slice(m.index + m[0].length);
    if (/^(familiar|close|involved|knowledgeable)$/.test(before) || /^\d/.test(after) || /\d$/.test(before)) continue;
    if (/\p{L}/u.test(text.slice(0, m.index))) return m.index;
  }
  return text.length;
}
const DET = /^(the|a|an|this|that|these|those|its|his|her|their|our)$/i;
const ROLE_SYNONYMS: Record<string, string[]> = {
  group: ['group', 'organization', 'organisation', 'coalition', 'movement', 'campaign'],
  organization: ['group', 'organization', 'organisation'],
  office: ['office'],
};

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function stripPossessive(s: string): string {
  return s.replace(/[’']s$/, '');
}

/** Removes leading titles and determiners: "Manhattan District Attorney Cyrus Vance" → "Cyrus Vance". */
export function stripTitles(name: string): string {
  const ws = words(name.replace(/\s*\([^)]*\)\s*/g, ' '));
  let lastTitle = -1;
  for (let i = 0; i < ws.length - 1; i++) {
    const w = ws[i].toLowerCase().replace(/\.$/, '');
    if (TITLE_WORDS.has(w) || DET.test(w)) lastTitle = i;
  }
  const rest = ws.slice(lastTitle + 1);
  return rest.join(' ');
}

/** Names speakers: entity names where spans overlap entities, else resolved from the text around them. */
export class SpeakerResolver {
  private readonly text: string;
  private readonly runs: NameRun[] = [];
  private readonly fullest = new Map<string, string>();
  private readonly authors: DocAuthor[] = [];
  private readonly resolved: Array<Speaker | null> = [];
  private readonly indexById = new Map<string, number>();

  constructor(
    private readonly doc: AnnotatedArticle,
    private readonly raws: RawAttribution[],
  ) {
    this.text = doc.article.text;
    raws.forEach((r, i) => this.indexById.set(r.id, i));
    this.collectNames();
    this.collectAuthors();
  }

  private sentenceAt(off: number): number {
    const s = this.doc.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid].start <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private mentionOrder: number[] | null = null;

  private entityAt(start: number, end: number): number | undefined {
    const ms = this.doc.mentions;
    if (ms.length === 0) return undefined;
    this.mentionOrder ??= ms.map((_, i) => i).sort((a, b) => ms[a].start - ms[b].start);
    const order = this.mentionOrder;
    // Mentions are short: look at the few starting just before `end`.
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[order[mid]].start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
      const m = ms[order[k]];
      if (m.start < end && start < m.end && m.entity !== undefined && this.doc.entities[m.entity]) return m.entity;
    }
    return undefined;
  }

  private collectNames(): void {
    const toks = this.doc.tokens;
    // Tokens come in order, so "seen a word in this sentence" needs only the last such sentence.
    let seenIn = -1;
    const isCap = toks.map((t) => {
      const c = t.text.charCodeAt(0);
      if (c >= 65 && c <= 90) return true;
      if (c < 128) return false;
      const ch = t.text[0];
      return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
    });
    const wordLike = (s: string): boolean => !/[^\p{L}.\-’']/u.test(s);
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      const cap =
        isCap[i] && (t.upos === 'PROPN' || (t.upos === 'NOUN' && i > 0 && toks[i - 1].sentence === t.sentence));
      if (!cap) {
        if (t.upos === 'NOUN' || t.upos === 'PRON' || t.upos === 'VERB') seenIn = t.sentence;
        i++;
        continue;
      }
      let j = i;
      for (;;) {
        const nx = toks[j + 1];
        if (!nx || nx.sentence !== t.sentence) break;
        if (isCap[j + 1] && nx.start - toks[j].end <= 1 && wordLike(nx.text)) j++;
        // "Time's Up", "McDonald's Corp": a possessive inside a name.
        else if (
          (nx.text === "'s" || nx.text === '’s') &&
          isCap[j + 2] &&
          toks[j + 2].sentence === t.sentence &&
          toks[j + 2].start === nx.end + 1
        )
          j += 2;
        else break;
      }
      const start = t.start;
      const end = toks[j].end;
      // Work on tokens rather than re-splitting the text: this runs for every name in every article.
      let lastTitle = -1;
      let gender: 'f' | 'm' | undefined;
      for (let q = i; q <= j; q++) {
        const lw = toks[q].text.toLowerCase();
        const w = lw.charCodeAt(lw.length - 1) === 46 ? lw.slice(0, -1) : lw;
        if (q < j && TITLES.has(w)) lastTitle = q;
        if (!gender) gender = FEMALE.has(w) ? 'f' : MALE.has(w) ? 'm' : undefined;
      }
      const nameStart = lastTitle >= 0 ? toks[lastTitle + 1].start : start;
      const name = stripPossessive(this.text.slice(nameStart, end));
      const lastTok = toks[j].text.toLowerCase();
      const last = lastTok.charCodeAt(lastTok.length - 1) === 46 ? lastTok.slice(0, -1) : lastTok;
      const nextText = toks[j + 1]?.text ?? '';
      const possessive = nextText === "'s" || nextText === '’s' || nextText === '’' || nextText === "'";
      const entity = this.doc.mentions.length ? this.entityAt(start, end) : undefined;
      const etype = entity !== undefined ? this.doc.entities[entity].type : undefined;
      const org = etype ? etype !== 'person' : ORGS.has(last) || (i === j && /^[A-Z]{2,}$/.test(toks[i].text));
      if (name && !SKIP_NAMES.has(name)) {
        const run: NameRun = {
          start,
          end,
          name,
          last: lastWord(name),
          sentence: t.sentence,
          org,
          subject: seenIn !== t.sentence,
          possessive,
        };
        if (gender) run.gender = gender;
        if (entity !== undefined) run.entity = entity;
        this.runs.push(run);
      }
      seenIn = t.sentence;
      i = j + 1;
    }
    // A subject pronoun soon after a name usually refers back to it ("Vance said he …"): count such votes
    // per surname, so "she" is not resolved to a man and "he" not to a woman.
    const votes = new Map<string, number>();
    let ti = 0;
    for (let r = 0; r < this.runs.length; r++) {
      const run = this.runs[r];
      if (run.org) continue;
      const stop = this.runs[r + 1]?.start ?? Infinity;
      while (ti < toks.length && toks[ti].start < run.end) ti++;
      for (
        let q = ti;
        q < toks.length && q < ti + 15 && toks[q].start < stop && toks[q].sentence <= run.sentence + 1;
        q++
      ) {
        const w = toks[q].text.toLowerCase();
        const v = w === 'he' || w === 'his' || w === 'him' ? 1 : w === 'she' ? -1 : 0;
        if (v !== 0) {
          votes.set(run.last, (votes.get(run.last) ?? 0) + v);
          break;
        }
      }
    }
    for (const run of this.runs) {
      const v = votes.get(run.last) ?? 0;
      if (!run.gender && v !== 0) run.gender = v > 0 ? 'm' : 'f';
    }
    // Gender seen anywhere for a surname carries to its other mentions.
    const g = new Map<string, 'f' | 'm'>();
    for (const r of this.runs) if (r.gender) g.set(r.last, r.gender);
    for (const r of this.runs) if (!r.gender && g.has(r.last)) r.gender = g.get(r.last);
    // The fullest form of each surname ("Vance" → "Cyrus Vance").
    for (const r of this.runs) {
      if (r.org || r.name.split(' ').length > 4) continue;
      const cur = this.fullest.get(r.last);
      if (!cur || r.name.length > cur.length) this.fullest.set(r.last, r.name);
    }
  }

  /** Documents and who wrote or released them: "an open letter from X", "X released a statement". */
  private collectAuthors(): void {
    const t = this.text;
    const heads =
      /\b(letter|statement|report|memo|email|e-mail|complaint|lawsuit|filing|tweet|release|editorial|op-ed|message|note|petition|ruling|order|study|survey|poll)\b/g;
    for (const m of t.matchAll(heads)) {
      const at = m.index ?? 0;
      const head = m[1];
      const before = t.slice(Math.max(0, at - 80), at);
      const after = t.slice(at + head.length, at + head.length + 40);
      let who: { name: string; entity?: number } | null = null;
      let mm: RegExpExecArray | null;
      if (
        (mm = /^\s+(?:from|by|signed by|issued by|released by)\s+/.exec(after)) &&
        /\b(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$/.test(before)
      ) {
        who = this.nameAtOrAfter(at + head.length + mm[0].length);
      } else if (
        (mm =
          /\b(?:released|issued|sent|published|wrote|posted|put out|signed|penned|tweeted)\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$/.exec(
            before,
          ))
      ) {
        who = this.subjectBefore(at - before.length + mm.index);
      } else if (
        /\b[Ii]n\s+(?:an?|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}$/.test(before) &&
        (mm = /^\s*,\s*/.exec(after))
      ) {
        who = this.nameAtOrAfter(at + head.length + mm[0].length);
      } else if ((mm = /((?:\p{Lu}[\p{L}’'.-]*\s+){1,4})(?:[a-z-]+\s+)?$/u.exec(before))) {
        const cand = mm[1].trim();
        const name = stripPossessive(stripTitles(cand));
        const off = at - before.length + mm.index;
        if (name && !/^(The|A|An|In)$/.test(name) && CAP.test(name)) who = this.canonical(off, off + cand.length, name);
      }
      if (who)
        this.authors.push({ at, head, author: who.name, ...(who.entity !== undefined ? { entity: who.entity } : {}) });
    }
  }

  /** A name (or role resolved to one) starting at an offset. */
  private nameAtOrAfter(off: number): { name: string; entity?: number } | null {
    const rest = this.text.slice(off, off + 120);
    const m = /^((?:the|a|an)\s+)?((?:[\p{L}’'.&-]+\s+){0,5}?[\p{L}’'.&-]+)(?=[\s,.;:]|$)/u.exec(rest);
    if (!m) return null;
    const run = this.runs.find((r) => r.start >= off && r.start <= off + (m[1]?.length ?? 0) + 2);
    if (run) return this.canonical(run.start, run.end, trimOrgSuffix(run.name));
    // "the group" and other roles
    const words0 = m[2].split(/\s+/);
    const role = words0.find((w) => ROLE_NOUNS.has(w.toLowerCase()));
    if (role) return this.resolveRole(role.toLowerCase(), off);
    return null;
  }

  /** The subject of the clause that ends at `off` ("Danny Frost, a spokesman …, released"). */
  private subjectBefore(off: number): { name: string; entity?: number } | null {
    const s = this.sentenceAt(off);
    const cands = this.runs.filter((r) => r.sentence === s && r.end <= off && !r.possessive);
    const c = cands[0];
    if (c) return this.canonical(c.start, c.end, c.name);
    const sent = this.doc.sentences[s];
    const m = /^(?:the|a|an)\s+(\w+)/i.exec(sent.text);
    if (m && ROLE_NOUNS.has(m[1].toLowerCase())) return this.resolveRole(m[1].toLowerCase(), sent.start);
    return null;
  }

  /** The canonical form of a name: the entity's name, or the fullest earlier name with the same last word. */
  private canonical(start: number, end: number, name: string): { name: string; entity?: number } {
    const e = this.entityAt(start, end);
    if (e !== undefined) return { name: this.doc.entities[e].name, entity: e };
    const full = this.fullest.get(lastWord(name));
    return { name: full && full.length > name.length && full.endsWith(name) ? full : name };
  }

  /** A role ("the spokesman", "the group") resolved to the most recent name it describes. */
  private resolveRole(head: string, before: number): { name: string; entity?: number } | null {
    const syn = ROLE_SYNONYMS[head] ?? [head];
    const re = new RegExp(`\\b(${syn.join('|')})\\b`, 'i');
    for (let i = this.runs.length - 1; i >= 0; i--) {
      const r = this.runs[i];
      if (r.start >= before) continue;
      const around = this.text.slice(Math.max(0, r.start - 40), Math.min(this.text.length, r.end + 80));
      // The appositive ends before the role being resolved: ", Brackenford's fire chief said" after "Monday"
      // is the next clause, not a description of Monday.
      const after = this.text.slice(r.end, Math.min(before, r.end + 80));
      const appositive = /^\s*,\s*[^,.]*/.exec(after)?.[0] ?? '';
      const beforeText = around.slice(0, r.start - Math.max(0, r.start - 40));
      if (re.test(appositive) || re.test(beforeText.split(/[,.;]/).pop() ?? ''))
        return this.canonical(r.start, r.end, trimOrgSuffix(r.name));
    }
    return null;
  }

  private antecedent(
    at: number,
    gender: 'f' | 'm' | undefined,
    index: number,
  ): { name: string; entity?: number } | null {
    const s = this.sentenceAt(at);
    const okGender = (g: 'f' | 'm' | undefined): boolean => !gender || !g || g === gender;
    // (a) the subject of this sentence before the pronoun ("Cuomo said he requested …")
    const same = this.runs.find(
      (r) => r.sentence === s && r.end <= at && r.subject && !r.org && !r.possessive && okGender(r.gender),
    );
    if (same) return this.canonical(same.start, same.end, same.name);
    // (b) the speaker of a recent attribution
    for (let i = index - 1; i >= 0; i--) {
      const sp = this.resolved[i];
      const raw = this.raws[i];
      if (!sp || !raw || raw.at >= at) continue;
      if (this.sentenceAt(raw.at) < s - 4) break;
      const runG = this.runs.find((r) => r.name === sp.name)?.gender;
      const isPron = raw.source && /^(he|she)$/i.test(this.text.slice(raw.source.start, raw.source.end));
      if (
        !okGender(runG) ||
        (isPron &&
          gender &&
          /^(he|she)$/i.test(this.text.slice(raw.source!.start, raw.source!.end)) &&
          this.text.slice(raw.source!.start, raw.source!.end).toLowerCase() !== (gender === 'f' ? 'she' : 'he'))
      )
        continue;
      if (this.runs.some((r) => r.name === sp.name && r.org) || /\s(and|&)\s/.test(sp.name)) continue;
      // "He" and "she" are people: a named one, or one named by a role ("the chief").
      const spLast = sp.name.split(/\s+/).pop()?.toLowerCase() ?? '';
      if (!/\p{Lu}/u.test(sp.name) && !ROLE_NOUNS.has(spLast) && !TITLE_WORDS.has(spLast)) continue;
      return { name: sp.name, ...(sp.entity !== undefined ? { entity: sp.entity } : {}) };
    }
    // (c) the most recent person name, subjects first
    const prev = this.runs.filter((r) => r.end <= at && r.sentence >= s - 2 && !r.org && okGender(r.gender));
    const subj = [...prev].reverse().find((r) => r.subject && !r.possessive);
    const any = subj ?? [...prev].reverse().find((r) => !r.possessive) ?? prev[prev.length - 1];
    return any ? this.canonical(any.start, any.end, any.name) : null;
  }

  /**
   * "they said", "we said": the speaker of a recent attribution that is several people or a body — named
   * with "and", an organisation, or a plural noun phrase ("officials", "the two women").
   */
  private groupAntecedent(at: number, index: number): { name: string; entity?: number } | null {
    const s = this.sentenceAt(at);
    // Attributions are resolved in the order the passes found them, not in text order: look at every one
    // stated before the pronoun, naming those not resolved yet from their own (non-pronoun) source.
    const before = this.raws
      .map((raw, i) => ({ raw, i }))
      .filter(({ raw, i }) => i !== index && raw.source && raw.at < at && this.sentenceAt(raw.at) >= s - 4)
      .sort((x, y) => y.raw.at - x.raw.at);
    for (const { raw, i } of before) {
      const src = raw.source!;
      const text = this.text.slice(src.start, src.end);
      if (/^(he|she|they|we|it|i|you|who|which)$/i.test(text)) {
        if (i > index) continue;
      }
      const sp = i < index ? this.resolved[i] : this.name(src, i);
      if (!sp) continue;
      const words = text.split(/\s+/);
      const head = (words[words.length - 1] ?? '').toLowerCase();
      const plural =
        /\s(and|&)\s/.test(sp.name) ||
        (/[^s'’]s$/.test(head) && head !== 'he') ||
        (sp.entity !== undefined && this.doc.entities[sp.entity].type === 'organization');
      if (plural) return { name: sp.name, ...(sp.entity !== undefined ? { entity: sp.entity } : {}) };
    }
    return null;
  }

  private resolveOne(raw: RawAttribution, index: number): Speaker | null {
    if (raw.inherits !== undefined) {
      const p = this.resolvedById(raw.inherits);
      return p ? { ...p } : null;
    }
    if (raw.continues !== undefined && !raw.source) {
      const p = this.resolvedById(raw.continues);
      return p ? { ...p } : null;
    }
    if (!raw.source) return raw.kind === 'direct' ? this.bareSpeaker(raw, index) : null;
    const span = {
      start: raw.source.start,
      end: raw.source.end,
      text: this.text.slice(raw.source.start, raw.source.end),
    };
    const r = this.name(raw.source, index);
    if (!r) return null;
    return { name: r.name, span, ...(r.entity !== undefined ? { entity: r.entity } : {}) };
  }

  /** The speaker already named for an attribution; attributions link only to earlier ones. */
  private resolvedById(id: string): Speaker | null | undefined {
    const i = this.indexById.get(id);
    return i === undefined ? undefined : this.resolved[i];
  }

  /** A quote paragraph with no attribution: the speaker of the statement just before, if one is named. */
  private bareSpeaker(raw: RawAttribution, index: number): Speaker | null {
    const s = this.sentenceAt(raw.content.start);
    for (let i = index - 1; i >= 0; i--) {
      const p = this.raws[i];
      if (this.sentenceAt(p.at) < s - 2) break;
      const sp = this.resolved[i];
      if (sp && p.at < raw.content.start) return { ...sp };
    }
    return null;
  }

  private name(full: Range, index: number): { name: string; entity?: number } | null {
    // The speaker is named by the head of the phrase, not by what modifies it: "an authority official at
    // the scene" is an official, "Her chief of staff" a chief of staff.
    const src = { start: full.start, end: full.start + headPhraseEnd(this.text.slice(full.start, full.end)) };
    const text = this.text.slice(src.start, src.end);
    const low = text.toLowerCase();
    // "Larkhollow's fire chief", "the company's statement": a possessive names whose role or document it is;
    // the role speaks (resolved to a person named for it when there is one), not the owner.
    const owned = OWNED_ROLE.exec(text);
    if (owned) {
      const head = owned[1].toLowerCase();
      if (ROLE_NOUNS.has(head) || TITLE_WORDS.has(head)) {
        const m = APPOSITIVE_NAME.exec(this.text.slice(full.end, full.end + 80));
        if (m) {
          const start = full.end + m.index + m[0].indexOf(m[1]);
          return this.canonical(start, start + m[1].length, m[1]);
        }
        return this.resolveRole(head, src.start) ?? { name: text.replace(/^(the|a|an)\s+/i, '') };
      }
    }
    // "Vance and the DA's office": several speakers are named as written.
    if (/\s(and|&)\s/.test(text)) return { name: text.replace(/^(the|a|an)\s+/i, '') };
    const e = this.entityAt(src.start, src.end);
    if (e !== undefined && this.doc.entities[e].type !== 'other') return { name: this.doc.entities[e].name, entity: e };
    if (/^(he|she)$/.test(low)) return this.antecedent(src.start, low === 'she' ? 'f' : 'm', index);
    if (/^(who|which)$/.test(low)) {
      const before = this.text.slice(0, src.start).replace(/[\s,]+$/, '');
      const run = [...this.runs].reverse().find((r) => r.end <= before.length && r.end >= before.length - 2);
      return run ? this.canonical(run.start, run.end, run.name) : null;
    }
    if (/^(we|they)$/.test(low)) return this.groupAntecedent(src.start, index);
    // "said the finance minister, Xiang Huicheng, …": a role named by the appositive right after it.
    const lastWord = low.split(/\s+/).pop() ?? '';
    if (ROLE_NOUNS.has(lastWord) || TITLE_WORDS.has(lastWord)) {
      const m = APPOSITIVE_NAME.exec(this.text.slice(src.end, src.end + 80));
      if (m) {
        const start = src.end + m.index + m[0].indexOf(m[1]);
        return this.canonical(start, start + m[1].length, m[1]);
      }
    }
    if (/^(i|it|you)$/.test(low)) return null;
    const ws = words(text);
    const lastLow = ws[ws.length - 1].toLowerCase().replace(/[^a-z-]/g, '');
    const named = ws.filter((w) => CAP.test(w) && !DET.test(w) && !DOCUMENT_NOUNS.has(w.toLowerCase()));
    if (DOCUMENT_NOUNS.has(lastLow)) {
      // "The Time's Up open letter" names its author; "the letter" refers back to one.
      const own = named.filter((w) => !/^(open|new|joint|written|official)$/i.test(w)).join(' ');
      if (own) {
        const nm = stripPossessive(stripTitles(own));
        const startOff = src.start + text.indexOf(named[0]);
        return this.canonical(startOff, startOff + own.length, nm);
      }
      const prior = [...this.authors].reverse().find((a) => a.at < src.start && a.head === lastLow);
      if (prior) return { name: prior.author, ...(prior.entity !== undefined ? { entity: prior.entity } : {}) };
      // An unattributed document speaks for itself ("the memo").
      return { name: text.replace(/^(the|a|an)\s+/i, '') };
    }
    if (ROLE_NOUNS.has(lastLow) && named.length === 0) {
      return this.resolveRole(lastLow, src.start) ?? { name: text.replace(/^(the|a|an)\s+/i, '') };
    }
    const run =
      this.runs.find((r) => r.start >= src.start && r.end <= src.end && !r.possessive) ??
      this.runs.find((r) => r.start < src.end && src.start < r.end);
    if (run) return this.canonical(run.start, run.end, run.name);
    const stripped = stripTitles(text);
    // Stripping a title must leave a name, not the rest of a role ("chief of staff" → "of staff").
    return { name: stripped && !/^(of|for|at|in|to)\b/i.test(stripped) ? stripped : text.replace(DET_START, '') };
  }

  resolveAll(): Array<Speaker | null> {
    this.raws.forEach((raw, i) => {
      this.resolved[i] = this.resolveOne(raw, i);
    });
    return this.resolved;
  }
}

function lastWord(s: string): string {
  const sp = s.lastIndexOf(' ');
  return stripPossessive(sp >= 0 ? s.slice(sp + 1) : s).toLowerCase();
}

/** "Time's Up organization" → "Time's Up". */
function trimOrgSuffix(name: string): string {
  return name.replace(/\s+(organization|organisation|group)$/i, '');
}

export function resolveSpeakers(doc: AnnotatedArticle, raws: RawAttribution[]): Array<Speaker | null> {
  return new SpeakerResolver(doc, raws).resolveAll();
}
