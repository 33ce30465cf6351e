import type { Range } from './extract.js';

/**
 * Page furniture that extraction from web pages leaves in the text: promotion lines ("READ MORE: …",
 * "Related: …", "Watch: …"), photo captions and credits, bylines and newsletter prompts. Quotation marks in
 * them quote a headline, not a person, so nothing in them is reported as speech.
 */
const PROMPT =
  /^(?:read more|more:|related(?: stories| coverage| articles| content| reading)?\b|watch\b|listen\b|see also\b|more on (?:this|that)\b|recommended\b|don[’']t miss\b|also read\b|click here\b|sign up\b|subscribe\b|get (?:our|the) \w+ newsletter\b|follow (?:us|@|\p{Lu}[\p{L}.]+ (?:\p{Lu}[\p{L}.]+ )?on)\b)/iu;
const CAPTION = /^(?:photo|photograph|image|picture|video|credit|caption|file photo|pictured)\b\s*[:|(–—-]/i;
const CREDIT =
  /\((?:AP|AFP|Reuters|EPA|Getty|Bloomberg)[^)\n]{0,40}(?:Photo|Images|Pool)[^)\n]{0,40}\)|\b(?:Getty Images|AP Photo\/|Photograph: )/;
const BYLINE_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|and|of|the|staff|writer|reporter|correspondent|editor|\||,|&)$/u;

/** "By Ana Ruiz", "By Ana Ruiz and Tom Li, Staff Writers": names and roles only, no sentence. */
function isByline(s: string): boolean {
  if (!/^[Bb]y\s+\p{Lu}/u.test(s) || /[.!?]$/.test(s.replace(/\b\p{Lu}\.$/u, ''))) return false;
  return s
    .slice(3)
    .replace(/,/g, ' , ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .every((w) => BYLINE_WORD.test(w));
}
const NEWSLETTER = /\b(?:newsletter|sign up for|subscribe to|in your inbox)\b/i;

/** Whether one line of text (a paragraph of the article) is page furniture. */
export function isFurnitureLine(line: string): boolean {
  const s = line.trim();
  if (s.length === 0) return false;
  if (PROMPT.test(s) || CAPTION.test(s)) return true;
  if (s.length <= 200 && CREDIT.test(s)) return true;
  if (s.length <= 80 && isByline(s)) return true;
  if (s.length <= 200 && NEWSLETTER.test(s)) return true;
  return false;
}

/** The ranges of the article's lines that are page furniture, in order. */
export function furnitureRanges(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (isFurnitureLine(text.slice(start, end))) out.push({ start, end });
    start = end + 1;
  }
  return out;
}
