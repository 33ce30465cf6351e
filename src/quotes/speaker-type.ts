import type { AnnotatedArticle, Speaker, SpeakerType } from '../model.js';
import { DOCUMENT_NOUNS, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS } from './lexicon.js';
import type { QuoteRegion } from './marks.js';
import { firstTokenFrom } from '../text/token-search.js';

/** Plural nouns for people acting together, who speak as a group ("residents said", "critics argue"). */
const GROUP_NOUNS = new Set([
  'people',
  'residents',
  'neighbors',
  'neighbours',
  'supporters',
  'opponents',
  'critics',
  'investigators',
  'volunteers',
  'members',
  'workers',
  'employees',
  'officers',
  'authorities',
  'lawmakers',
  'legislators',
  'voters',
  'parents',
  'students',
  'teachers',
  'experts',
  'analysts',
  'economists',
  'scientists',
  'researchers',
  'doctors',
  'witnesses',
  'protesters',
  'demonstrators',
  'activists',
  'leaders',
  'sources',
  'police',
  'prosecutors',
  'democrats',
  'republicans',
  'americans',
  'negotiators',
  'diplomats',
  'organizers',
  'organisers',
  'survivors',
  'families',
  'relatives',
  'friends',
  'farmers',
  'owners',
  'executives',
  'managers',
  'observers',
  'participants',
  'delegates',
  'senators',
  'citizens',
  'locals',
  'firefighters',
  'crews',
  'troops',
  'rebels',
  'militants',
  'fans',
  'others',
  'many',
  'some',
  'both',
  'all',
  'most',
  'several',
  'regulators',
  'scholars',
  'historians',
  'polls',
]);
/** Nouns for one person ("the girl said", "a rebel fighter told"); their plurals are groups. */
const PERSON_NOUNS = new Set([
  'man',
  'woman',
  'girl',
  'boy',
  'child',
  'kid',
  'teen',
  'teenager',
  'mother',
  'father',
  'son',
  'daughter',
  'wife',
  'husband',
  'brother',
  'sister',
  'parent',
  'commander',
  'fighter',
  'soldier',
  'custodian',
  'settler',
  'farmer',
  'driver',
  'pilot',
  'victim',
  'witness',
  'resident',
  'neighbor',
  'neighbour',
  'student',
  'teacher',
  'doctor',
  'nurse',
  'worker',
  'employee',
  'owner',
  'manager',
  'expert',
  'analyst',
  'lawyer',
  'attorney',
  'judge',
  'officer',
  'agent',
  'citizen',
  'voter',
  'patient',
  'survivor',
  'fan',
  'friend',
  'relative',
  'colleague',
  'executive',
  'founder',
  'chairman',
  'chairwoman',
  'member',
  'leader',
  'source',
  'insider',
  'observer',
  'critic',
  'supporter',
  'opponent',
  'rebel',
  'militant',
  'activist',
  'protester',
  'official',
  'diplomat',
  'negotiator',
]);
/** Numbers speak only as shares of a group ("six in 10", "94 percent of voters"). */
const DATA_NOUNS = new Set([
  'statistics',
  'figures',
  'data',
  'records',
  'study',
  'survey',
  'poll',
  'polls',
  'census',
  'advisory',
  'analysis',
  'findings',
  'documents',
  'filing',
  'filings',
  'transcript',
  'letter',
  'ruling',
  'indictment',
  'complaint',
]);

/** Places and bodies that speak as institutions ("the county said", "the Clinton camp said"). */
const INSTITUTION_NOUNS = new Set([
  'county',
  'city',
  'state',
  'town',
  'village',
  'government',
  'administration',
  'ministry',
  'province',
  'country',
  'nation',
  'council',
  'camp',
  'campaign',
  'team',
  'club',
  'court',
  'school',
  'university',
  'hospital',
  'foundation',
  'institute',
  'society',
  'network',
  'station',
  'outlet',
  'newspaper',
  'paper',
  'magazine',
  'site',
  'website',
  'army',
  'military',
  'navy',
  'media',
  'tribe',
  'force',
  'forces',
  'agency',
  'press',
  'industry',
  'regime',
  'junta',
]);
/** Plural agent nouns ("initiators", "manufacturers", "economists", "historians") are groups of people. */
const AGENT_PLURAL = /^[a-z]{3,}(?:ers|ors|ists|ians|ants|eers)$/;
/** Singular agent nouns that are almost always people ("economist", "historian"). */
const AGENT_SINGULAR = /^[a-z]{3,}(?:ist|ian)$/;
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'me', 'you', 'who', 'whom']);
const GROUP_PRONOUNS = new Set(['we', 'they', 'us', 'them']);
const NUMBER = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|half|majority|third|quarter)$/;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
/** Where a noun phrase's head ends: its post-modifiers start ("people familiar with", "chief of staff"). */
const POST_MODIFIER = /\s(?:familiar|close|of|for|at|in|from|with|who|which|that|on|to|\()\b|,|\s\(/u;

const singular = (w: string): string =>
  w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') ? w.slice(0, -1) : w;

/** The head word of a noun phrase read as text: the last word before its post-modifiers. */
function headWord(phrase: string): string {
  const m = POST_MODIFIER.exec(phrase);
  const core = (m && m.index > 0 ? phrase.slice(0, m.index) : phrase).replace(/['’]s?$/u, '');
  const words = core.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return (words[words.length - 1] ?? '').toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '');
}

/**
 * "Fish and Wildlife Service spokeswoman Patricia Foulk", "Fisheries Minister Fred Mifflin": the phrase
 * ends in one to three capitalised proper nouns right after a role or title word.
 */
function titledName(doc: AnnotatedArticle, start: number, end: number): boolean {
  const toks: AnnotatedArticle['tokens'] = [];
  for (let k = firstTokenFrom(doc.tokens, start); k < doc.tokens.length && doc.tokens[k].end <= end; k++)
    toks.push(doc.tokens[k]);
  // Walk back over the capitalised words that end the phrase; a title or role word among them (or just
  // before them) followed by one to three of them is a titled name.
  let names = 0;
  for (let k = toks.length - 1; k >= 0 && toks.length - k <= 6; k--) {
    const t = toks[k];
    const low = t.text.toLowerCase().replace(/\.$/, '');
    const title = ROLE_NOUNS.has(low) || TITLE_WORDS.has(low) || PERSON_NOUNS.has(low);
    if (title) return names >= 1 && names <= 3;
    if (t.upos !== 'PROPN' || !NAME_WORD.test(t.text)) return false;
    names++;
  }
  return false;
}

/** "six in 10", "94 percent of voters", "a majority of residents": a share of people, not of things. */
function isShareOfPeople(words: string): boolean {
  if (/\b(?:in|out of)\s+\d/.test(words) || /%|\bpercent\b\s*$/.test(words)) return true;
  const m = /\b(?:of|among)\s+(?:the\s+|those\s+|these\s+)?(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)\s*$/u.exec(words);
  if (!m) return false;
  const noun = m[1].toLowerCase();
  return (
    GROUP_NOUNS.has(noun) || PERSON_NOUNS.has(singular(noun)) || AGENT_PLURAL.test(noun) || inList(ROLE_NOUNS, noun)
  );
}

/** Whether a word is a noun of one of the lists, in the singular or the plural. */
const inList = (list: ReadonlySet<string>, w: string): boolean => list.has(w) || list.has(singular(w));

/**
 * What a source is, or null when it cannot speak (a number, a place read as a dateline, "No deaths", a
 * word inside the quotation). Read from the entity the speaker resolved to, else from the head word of
 * the words naming it. `cue` is the cue as written (":" marks a transcript label, which may be all capitals).
 */
export function speakerType(
  doc: AnnotatedArticle,
  speaker: Speaker,
  regions: readonly QuoteRegion[],
  cue?: string,
): SpeakerType | null {
  const text = doc.article.text;
  const span = speaker.span;
  // Words inside a quotation speak only within it: "I" in “I was there,” she said is not the speaker.
  if (span && regions.some((q) => span.start >= q.start && span.end <= q.end)) return null;
  const words = span ? text.slice(span.start, span.end) : speaker.name;
  const head = headWord(words);
  if (!head) return null;
  if (PERSON_PRONOUNS.has(head)) return 'person';
  if (GROUP_PRONOUNS.has(head)) return 'group';
  const entity = speaker.entity !== undefined ? doc.entities[speaker.entity] : undefined;
  if (entity?.type === 'person') return 'person';
  if (entity?.type === 'organization') return 'organization';
  if (inList(DOCUMENT_NOUNS, head) || DATA_NOUNS.has(head)) return 'document';
  if (inList(ORG_HEADS, head) || inList(INSTITUTION_NOUNS, head)) return 'organization';
  if (inList(ROLE_NOUNS, head) || inList(TITLE_WORDS, head) || /^\d+-year-old$/.test(head))
    return head.endsWith('s') && !ROLE_NOUNS.has(head) && !TITLE_WORDS.has(head) ? 'group' : 'person';
  if (ROLE_NOUNS.has(head)) return 'person';
  if (GROUP_NOUNS.has(head)) return 'group';
  if (PERSON_NOUNS.has(head) || AGENT_SINGULAR.test(head) || /^\d+-year-old$/.test(head)) return 'person';
  if (PERSON_NOUNS.has(singular(head)) || AGENT_PLURAL.test(head)) return 'group';
  // Shares of a poll or a group: "six in 10", "a majority of".
  if (NUMBER.test(head) && isShareOfPeople(words)) return 'group';
  if (head === 'it' || head === 'which') return 'organization';
  const lowerCaseToo = /\p{Ll}/u.test(words);
  if (entity?.type === 'place') {
    // A place speaks only as its government ("Beijing said"); an all-capital dateline never does.
    return lowerCaseToo ? 'organization' : null;
  }
  if (!span) return null;
  if (titledName(doc, span.start, span.end)) return 'person';
  // A transcript label ("MORALES: …") is a name even in capitals.
  if (!lowerCaseToo && cue !== ':') return null;
  // A name the entity tagger did not type: capitalised words that are proper nouns, or that do not open
  // the sentence; a capitalised word that only opens it ("Everything", "Scene") is not a name.
  const m = POST_MODIFIER.exec(words);
  const coreEnd = span.start + (m && m.index > 0 ? m.index : words.length);
  const toks: typeof doc.tokens = [];
  let k = firstTokenFrom(doc.tokens, span.start);
  for (; k < doc.tokens.length && doc.tokens[k].end <= coreEnd; k++)
    if (/[\p{L}\p{N}]/u.test(doc.tokens[k].text)) toks.push(doc.tokens[k]);
  if (toks.length === 0 || toks.length > 4 || !toks.every((t) => NAME_WORD.test(t.text))) return null;
  const first = toks[0];
  let p = first.index - 1;
  while (p >= 0 && doc.tokens[p].sentence === first.sentence && !/[\p{L}\p{N}]/u.test(doc.tokens[p].text)) p--;
  const opensSentence = p < 0 || doc.tokens[p].sentence !== first.sentence;
  if (!opensSentence || cue === ':' || toks.some((t) => t.upos === 'PROPN')) return 'person';
  return null;
}
