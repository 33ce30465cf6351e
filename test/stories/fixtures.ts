import type { AnnotatedArticle, Article } from '../../src/model.js';
import { annotateArticle } from '../../src/pipeline.js';

export function art(id: string, text: string, extra: Partial<Article> = {}): AnnotatedArticle {
  return annotateArticle({ id, text, publishedInferred: false, ...extra });
}

/** Two different earthquakes: same kind of event, different place, date, magnitude and people. */
export const QUAKE_A1 = `A magnitude 7.6 earthquake struck off the coast of Sumatra near the city of Padang on Wednesday, killing at least 529 people and trapping hundreds under collapsed buildings, Indonesian officials said.
Rustam Pakaya, head of the Health Ministry crisis centre, said the toll in Padang was expected to rise as rescuers searched the rubble of hotels and schools.
The quake hit at 5:16 p.m. on September 30, 2009, and was followed by a magnitude 6.2 aftershock. West Sumatra governor Gamawan Fauzi said electricity and telephone lines were cut.`;

export const QUAKE_A2 = `Rescuers in Padang dug through collapsed hotels and schools on Thursday after the magnitude 7.6 earthquake that devastated West Sumatra, as the death toll climbed past 529.
Rustam Pakaya of the Indonesian Health Ministry said thousands of people were trapped in Padang. Governor Gamawan Fauzi asked for heavy equipment.
The September 30, 2009 quake off Sumatra was felt in Singapore and Malaysia.`;

export const QUAKE_B1 = `A magnitude 6.3 earthquake struck central Italy near the city of L'Aquila early on Monday, killing at least 150 people and leaving tens of thousands homeless, Italian officials said.
Prime Minister Silvio Berlusconi declared a state of emergency in the Abruzzo region. Guido Bertolaso, head of the Civil Protection agency, said rescuers were searching the rubble of medieval churches.
The quake hit at 3:32 a.m. on April 6, 2009, and was felt in Rome.`;

export const QUAKE_B2 = `Rescuers in L'Aquila pulled survivors from collapsed buildings on Tuesday as the toll from the magnitude 6.3 earthquake in the Abruzzo region rose to 150.
Silvio Berlusconi visited the tent camps around L'Aquila. Guido Bertolaso of the Civil Protection agency said the April 6, 2009 quake destroyed churches across central Italy.
Aftershocks rattled Rome.`;

export const WIRE = `WASHINGTON (AP) — The Senate voted 68 to 31 on Thursday to approve a sweeping overhaul of the nation's immigration laws, sending the bill to the House, where Speaker John Boehner has said he will not take it up.
The measure would spend $46 billion on border security, doubling the number of Border Patrol agents along the southern border, and open a 13-year path to citizenship for about 11 million immigrants living in the country illegally.
"This is a historic day," said Senator Charles Schumer of New York, one of the eight senators who wrote the bill. "We have shown that Democrats and Republicans can work together."
Senator Marco Rubio of Florida, a Republican who helped draft the legislation, urged House members to act quickly, saying the current system amounts to de facto amnesty.
Opponents, led by Senator Jeff Sessions of Alabama, argued that the bill would not stop illegal immigration and would depress wages for American workers.
The House Judiciary Committee has passed several narrower bills that deal with border enforcement and visas for skilled workers, but none offers a path to citizenship.
President Barack Obama praised the vote and called on the House to follow the Senate's lead before the August recess.`;
