/**
 * Invented news articles for tests that need many of them: several events, each with its own people,
 * place, date, subject and figures, told in varied sentences so that articles of one event differ in wording.
 */
import type { Article } from '../src/model.js';
import { makeArticle } from '../src/ingest/parse.js';

const FIRST = [
  'Maria',
  'Tomas',
  'Aisha',
  'Viktor',
  'Lena',
  'Obi',
  'Priya',
  'Jonas',
  'Keiko',
  'Rafael',
  'Ines',
  'Dmitri',
  'Greta',
  'Samuel',
  'Noor',
  'Hugo',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Castellanos',
  'Nakamura',
  'Brandt',
  'Haddad',
  'Kowalski',
  'Ferreira',
  'Abbott',
  'Varga',
  'Sato',
  'Delacroix',
  'Mbeki',
  'Halvorsen',
  'Quist',
];
const TOWN_A = [
  'Lark',
  'Raven',
  'Bracken',
  'Cinder',
  'Wex',
  'Dun',
  'Hallo',
  'Toll',
  'Mire',
  'Ash',
  'Thorn',
  'Elm',
  'Gull',
  'Fen',
  'Stone',
  'Brook',
];
const TOWN_B = ['hollow', 'ford', 'moor', 'by', 'mere', 'gate', 'field', 'wick', 'haven', 'stead', 'cliff', 'water'];
const SUBJECTS = [
  ['fire', 'chemical plant', 'firefighters', 'smoke', 'evacuated'],
  ['flood', 'river embankment', 'rescue crews', 'water', 'displaced'],
  ['strike', 'bus depot', 'union leaders', 'picket lines', 'stranded'],
  ['council vote', 'transit contract', 'council members', 'budget', 'opposed'],
  ['earthquake', 'old town', 'engineers', 'aftershocks', 'injured'],
  ['bridge collapse', 'harbour bridge', 'divers', 'debris', 'trapped'],
  ['hospital outbreak', 'children’s ward', 'doctors', 'infections', 'isolated'],
  ['factory layoffs', 'steel mill', 'managers', 'severance', 'dismissed'],
  ['wildfire', 'pine forest', 'water bombers', 'embers', 'evacuated'],
  ['train derailment', 'freight line', 'inspectors', 'tankers', 'rerouted'],
  ['school closure', 'district school', 'teachers', 'enrolment', 'relocated'],
  ['data breach', 'city payroll system', 'investigators', 'records', 'exposed'],
] as const;

/** A small deterministic generator (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticEvent {
  id: number;
  town: string;
  official: string;
  company: string;
  date: string;
  count: number;
  subject: readonly string[];
}

export function syntheticEvents(n: number, seed = 1): SyntheticEvent[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 11 * 86_400_000);
    return {
      id: i,
      town: `${TOWN_A[i % TOWN_A.length]}${TOWN_B[Math.floor(i / TOWN_A.length) % TOWN_B.length]}`,
      official: `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[i % LAST.length]}`,
      company: `${LAST[(i * 7 + 3) % LAST.length]} ${['Polymers', 'Transit', 'Holdings', 'Logistics', 'Engineering'][i % 5]}`,
      date: day.toISOString().slice(0, 10),
      count: 100 + Math.floor(r() * 5000),
      subject: SUBJECTS[i % SUBJECTS.length],
    };
  });
}

/** `perEvent` articles for each event, from different invented outlets, in a shuffled but fixed order. */
export function syntheticArticles(events: SyntheticEvent[], perEvent: number, seed = 7): Article[] {
  const r = rng(seed);
  const out: Article[] = [];
  for (const e of events) {
    const [what, where, crews, thing, verb] = e.subject;
    const surname = e.official.split(' ').slice(1).join(' ');
    for (let k = 0; k < perEvent; k++) {
      const witness = `${FIRST[(k * 5 + e.id) % FIRST.length]} ${LAST[(k * 3 + e.id * 5 + 1) % LAST.length]}`;
      const sentences = [
        `The ${what} at the ${where} in ${e.town} on ${e.date} left about ${e.count} people ${verb}, officials said.`,
        `"We acted as fast as we could," said ${e.official}, who leads the response in ${e.town}.`,
        `${e.company} said it was cooperating with ${crews} in ${e.town}.`,
        `${surname} told reporters that a review of the ${what} would be finished within ${10 + (e.id % 40)} days.`,
        `${crews[0].toUpperCase()}${crews.slice(1)} worked through the night as ${thing} spread around the ${where}.`,
        `The ${what} was the worst in ${e.town} in years, according to ${e.company}.`,
      ];
      const chosen = sentences.filter((_, i) => i < 2 || r() < 0.7);
      chosen.push(
        `"I have lived in ${e.town} for ${5 + k} years and never saw anything like this ${what}," said ${witness}, a resident.`,
      );
      const published = new Date(Date.parse(e.date) + Math.floor(r() * 3) * 86_400_000).toISOString().slice(0, 10);
      out.push(
        makeArticle(chosen.join('\n\n'), {
          source: `Outlet ${k % 6}`,
          published,
          title: `${e.town} ${what}: report ${k}`,
        }),
      );
    }
  }
  // Interleave events the way a stream would deliver them.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
