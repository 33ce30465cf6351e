/** How a cue verb takes its content. */
export interface CueInfo {
  lemma: string;
  /** Verbs like "tell" and "ask" take the addressee before the content ("told reporters that …"). */
  addressee: boolean;
  /** Verbs that report speech or writing (as opposed to beliefs or evaluations). */
  speech: boolean;
  /** Particles that belong to the cue ("called for", "calling on"). */
  particle?: string[];
  /** Only a cue right next to a quotation ("continued", "exclaimed"). */
  directOnly?: boolean;
  /** Only a cue with its particle. */
  needsParticle?: boolean;
}

// Verbs chosen from how often each form is an attribution cue in annotated political news: forms that are
// cues less than about half the time ("think", "support", "want") are left out to keep precision.
const SPEECH: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling'],
  add: ['added', 'adds', 'adding'],
  write: ['wrote', 'writes', 'writing', 'written'],
  tweet: ['tweeted', 'tweets', 'tweeting'],
  state: ['stated', 'states', 'stating'],
  note: ['noted', 'notes', 'noting'],
  ask: ['asked', 'asks', 'asking'],
  argue: ['argued', 'argues', 'arguing'],
  conclude: ['concluded', 'concludes', 'concluding', 'conclude'],
  explain: ['explained', 'explains', 'explaining'],
  insist: ['insisted', 'insists', 'insisting'],
  claim: ['claimed', 'claiming'],
  announce: ['announced', 'announces', 'announcing'],
  declare: ['declared', 'declares', 'declaring'],
  report: ['reported', 'reports', 'reporting'],
  suggest: ['suggested', 'suggests', 'suggesting'],
  warn: ['warned', 'warns', 'warning'],
  acknowledge: ['acknowledged', 'acknowledges', 'acknowledging'],
  admit: ['admitted', 'admits', 'admitting'],
  respond: ['responded', 'responds', 'responding'],
  reply: ['replied', 'replies', 'replying'],
  recall: ['recalled', 'recalls', 'recalling'],
  predict: ['predicted', 'predicts', 'predicting'],
  promise: ['promised', 'promising'],
  vow: ['vowed', 'vows', 'vowing'],
  confirm: ['confirmed', 'confirms', 'confirming'],
  deny: ['denied', 'denies', 'denying'],
  contend: ['contended', 'contends', 'contending'],
  assert: ['asserted', 'asserts', 'asserting'],
  complain: ['complained', 'complains', 'complaining'],
  testify: ['testified', 'testifies'],
  emphasize: ['emphasized', 'emphasised', 'emphasizes', 'emphasizing'],
  stress: ['stressed', 'stresses', 'stressing'],
  observe: ['observed', 'observes'],
  remark: ['remarked'],
  comment: ['commented'],
  post: ['posted'],
  joke: ['joked', 'jokes', 'joking'],
  quip: ['quipped', 'quip'],
  reiterate: ['reiterated', 'reiterates'],
  concede: ['conceded', 'concedes'],
  boast: ['boasted', 'boasts'],
  assure: ['assured', 'assures'],
  remind: ['reminded', 'reminds'],
  read: ['read', 'reads'],
  mention: ['mentioned'],
  indicate: ['indicated', 'indicates'],
  reveal: ['revealed', 'reveals'],
  cite: ['cited', 'citing'],
  urge: ['urged', 'urges', 'urging'],
  shout: ['shouted'],
  email: ['emailed'],
  counter: ['countered'],
  agree: ['agreed'],
  point: ['pointed', 'points', 'pointing'],
  predicts: [],
  describe: ['described', 'describes', 'describing'],
  accuse: ['accused', 'accuses', 'accusing'],
  criticize: ['criticized', 'criticised', 'criticizes', 'criticizing'],
  praise: ['praised', 'praises', 'praising'],
  dismiss: ['dismissed'],
  denounce: ['denounced', 'denouncing'],
  blast: ['blasted', 'blasts'],
  slam: ['slammed', 'slams'],
  question: ['questioned'],
  reject: ['rejected'],
  defend: ['defended'],
  call: ['called', 'calls', 'calling'],
  decry: ['decried'],
  tout: ['touted', 'touting'],
  rail: ['railed'],
  condemn: ['condemned'],
  blame: ['blamed'],
  endorse: ['endorsed', 'endorses', 'endorsing'],
  decline: ['declined', 'declines', 'declining'],
  show: ['showed', 'shows', 'shown'],
  find: ['found', 'finds'],
  seem: ['seemed', 'seems'],
  appear: ['appeared', 'appears'],
  hope: ['hopes', 'hoped', 'hope'],
  pledge: ['pledged', 'pledges'],
  propose: ['proposed', 'proposes'],
  refuse: ['refused', 'refuses'],
  oppose: ['opposed', 'opposes'],
  support: ['supported', 'supports'],
  expect: ['expected', 'expects'],
  refer: ['referring', 'referred', 'refers'],
  talk: ['talking', 'talked', 'talks', 'talk'],
  speak: ['spoke', 'speaking', 'speaks'],
  focus: ['focused', 'focusing', 'focuses'],
};

const ADDRESSEE = new Set(['tell', 'ask', 'assure', 'remind', 'warn', 'urge', 'email']);
const PARTICLES: Record<string, string[]> = {
  call: ['for', 'on'], point: ['out', 'to'], go: ['on'], ask: ['about'], rail: ['against'], talk: ['about'],
  refer: ['to'], speak: ['about'], focus: ['on'], respond: ['to'], warn: ['of'], comment: ['on'],
};
/** Verbs that report speech only with their particle ("talked about", "referring to"). */
const NEEDS_PARTICLE = new Set(['refer', 'talk', 'speak', 'focus']);
const NOT_SPEECH = new Set(['refer', 'talk', 'speak', 'focus', 'endorse', 'decline', 'show', 'find', 'seem', 'appear', 'believe', 'think', 'want', 'hope', 'pledge', 'propose', 'refuse', 'oppose', 'support', 'expect', 'describe', 'accuse', 'criticize', 'praise', 'dismiss', 'denounce', 'blast', 'slam', 'question', 'reject', 'defend', 'call', 'decry', 'tout', 'rail', 'condemn', 'blame', 'cite', 'agree', 'point']);

// Verbs that introduce quotations but too often mean something else in running text ("continued to rise"):
// cues only right next to a quote.
const DIRECT_ONLY: Record<string, string[]> = {
  continue: ['continued', 'continues', 'continuing'],
  'go on': ['went'],
  answer: ['answered', 'answers'],
  exclaim: ['exclaimed'],
  bark: ['barked'],
  charge: ['charged'],
  echo: ['echoed', 'echoes'],
  confess: ['confessed'],
  retort: ['retorted'],
  snap: ['snapped'],
  laugh: ['laughed'],
  wonder: ['wondered', 'wonders'],
  offer: ['offered'],
  recount: ['recounted'],
  sigh: ['sighed'],
  caution: ['cautioned'],
  demand: ['demanded'],
  plead: ['pleaded'],
  muse: ['mused'],
  interject: ['interjected'],
  chime: ['chimed'],
  begin: ['began'],
  yell: ['yelled'],
  scream: ['screamed'],
  whisper: ['whispered'],
  declare: [],
  proclaim: ['proclaimed'],
  gush: ['gushed'],
  thunder: ['thundered'],
  text: ['texted'],
  summarize: ['summarized'],
  put: [],
  beam: ['beamed'],
  start: ['started'],
  repeat: ['repeated'],
  cut: [],
  press: ['pressed'],
  shoot: ['shot'],
  fire: ['fired'],
  scoff: ['scoffed'],
  quote: [],
};

function buildCueForms(): Map<string, CueInfo> {
  const m = new Map<string, CueInfo>();
  for (const [lemma, forms] of Object.entries(DIRECT_ONLY)) {
    const particle = lemma === 'go on' ? ['on'] : lemma === 'shoot' || lemma === 'fire' ? ['back'] : undefined;
    for (const f of forms) m.set(f, { lemma, addressee: false, speech: true, directOnly: true, ...(particle ? { particle } : {}) });
  }
  for (const [lemma, forms] of Object.entries(SPEECH)) {
    for (const f of forms) {
      const info: CueInfo = { lemma, addressee: ADDRESSEE.has(lemma), speech: !NOT_SPEECH.has(lemma) };
      if (PARTICLES[lemma]) info.particle = PARTICLES[lemma];
      if (NEEDS_PARTICLE.has(lemma)) info.needsParticle = true;
      m.set(f, info);
    }
  }
  return m;
}

export const CUE_FORMS: ReadonlyMap<string, CueInfo> = buildCueForms();

/** Words that may stand between a subject and its cue and belong to the cue ("has said", "also noted"). */
export const CUE_PREFIX = new Set([
  'is', 'are', 'was', 'were', 'been', 'be', 'has', 'have', 'had', 'also', 'later', 'previously', 'repeatedly', 'once', 'will', 'would', 'now', 'then',
  'recently', 'initially', 'often', 'since', 'further', 'again', 'earlier', 'already', 'reportedly', 'publicly',
  'privately', 'flatly', 'simply', 'quickly', 'never', 'had', 'could', 'may', 'might', 'just', 'first', "'s", '’s',
]);

/** Nouns for documents and messages that can be speakers ("the letter said"). */
export const DOCUMENT_NOUNS = new Set([
  'letter', 'statement', 'report', 'memo', 'memorandum', 'email', 'e-mail', 'complaint', 'lawsuit', 'suit', 'filing',
  'tweet', 'post', 'release', 'website', 'article', 'editorial', 'poll', 'survey', 'study', 'ruling', 'order',
  'affidavit', 'indictment', 'note', 'message', 'document', 'documents', 'petition', 'motion', 'brief', 'opinion',
  'decision', 'announcement', 'analysis', 'audit', 'review', 'transcript', 'video', 'ad', 'advertisement', 'book',
  'paper', 'newspaper', 'magazine', 'blog', 'interview', 'column', 'op-ed', 'declaration', 'proposal', 'plan',
  'guidelines', 'records', 'data', 'findings', 'research', 'investigation', 'story', 'piece', 'speech', 'remarks',
  'testimony', 'resolution', 'bill', 'law', 'policy', 'manifesto', 'platform', 'agreement', 'deal', 'text',
]);

/** Nouns for roles that stand for a person or group ("the spokesman said", "the group said"). */
export const ROLE_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'aide', 'aides', 'lawyer', 'lawyers', 'attorney',
  'adviser', 'advisor', 'senator', 'governor', 'president', 'mayor', 'candidate', 'nominee', 'congressman',
  'congresswoman', 'representative', 'lawmaker', 'lawmakers', 'chairman', 'chairwoman', 'director', 'secretary',
  'minister', 'leader', 'leaders', 'prosecutor', 'prosecutors', 'judge', 'police', 'group', 'organization',
  'organisation', 'office', 'department', 'agency', 'company', 'campaign', 'committee', 'administration', 'firm',
  'union', 'association', 'source', 'sources', 'analyst', 'analysts', 'expert', 'experts', 'executive', 'woman',
  'man', 'businessman', 'billionaire', 'mogul', 'frontrunner', 'front-runner', 'democrat', 'republican',
  'strategist', 'pollster', 'voter', 'voters', 'supporter', 'supporters', 'critic', 'critics', 'founder', 'ceo',
  'chief', 'commissioner', 'sheriff', 'manager', 'coordinator', 'activist', 'activists', 'advocates', 'team',
  'white house', 'government', 'ministry', 'court', 'board', 'council', 'party', 'network', 'outlet', 'newspaper',
]);

/** Titles stripped from names to get the canonical form ("Gov. Andrew Cuomo" → "Andrew Cuomo"). */
export const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'gov', 'governor', 'sen', 'senator', 'rep', 'representative', 'gen',
  'general', 'president', 'vice', 'former', 'attorney', 'district', 'secretary', 'judge', 'justice', 'mayor',
  'speaker', 'chairman', 'chairwoman', 'chief', 'rev', 'lt', 'col', 'capt', 'sgt', 'adm', 'admiral', 'rear',
  'spokesman', 'spokeswoman', 'candidate', 'democratic', 'republican', 'gop', 'presidential', 'minister',
  'prime', 'sheriff', 'commissioner', 'director', 'ambassador', 'state', 'u.s.', 'us', 'the', 'pres',
  'lawyer', 'officer', 'detective', 'det', 'supt', 'professor', 'first', 'lady', 'sir', 'dame', 'lord', 'king',
  'queen', 'prince', 'princess', 'pope', 'father', 'sister', 'brother', 'coach', 'host', 'anchor', 'model',
  'actor', 'actress', 'singer', 'author', 'writer', 'economist', 'analyst', 'strategist', 'businessman',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'you']);
export const ALL_PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'you', 'it', 'who', 'which', 'that', 'one']);

export const FEMALE_HINTS = new Set(['ms', 'mrs', 'miss', 'she', 'her', 'spokeswoman', 'chairwoman', 'congresswoman', 'woman', 'actress', 'lady', 'queen', 'princess', 'sister', 'dame']);
export const MALE_HINTS = new Set(['mr', 'he', 'his', 'him', 'spokesman', 'chairman', 'congressman', 'man', 'businessman', 'king', 'prince', 'father', 'brother', 'sir', 'lord']);

/** Words ending an organisation's name: such names never resolve "he"/"she". */
export const ORG_HEADS = new Set([
  'office', 'department', 'committee', 'party', 'organization', 'organisation', 'times', 'news', 'magazine',
  'police', 'unit', 'university', 'inc', 'co', 'corp', 'association', 'board', 'commission', 'court', 'agency',
  'house', 'senate', 'congress', 'campaign', 'foundation', 'institute', 'center', 'centre', 'council', 'group',
  'network', 'post', 'journal', 'press', 'reuters', 'cnn', 'nypd', 'fbi', 'company', 'bank', 'administration',
  'government', 'ministry', 'union', 'league', 'club', 'team', 'service', 'services', 'fund', 'yorker', 'up',
]);

/** Time words skipped between a cue and its content ("said Monday that"). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'recently', 'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'morning', 'afternoon', 'evening',
  'night', 'on', 'in', 'at', 'during', 'a', 'an', 'the', 'statement', 'interview', 'repeatedly', 'again', 'also',
  'privately', 'publicly', 'previously', 'then', 'now',
]);
