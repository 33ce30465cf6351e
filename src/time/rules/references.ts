/** References to the present, the past or the future as a whole. */
import { type TimeRule, rx } from './pattern.js';

/** “now”, “recently”, “the future”: the present, past or future as a whole. */
export const reference: TimeRule = {
  name: 'reference',
  core: '\\b(?:now|current|present|nowadays|these|moment|this\\s+time|recent|lately|previous|former|past|earlier|once|future|soon|someday|term|due|ahead)',
  gate: null,
  pattern: rx(
    `(?<present>right\\s+now|just\\s+now|now|currently|at\\s+present|presently|nowadays|these\\s+days|at\\s+the\\s+moment|at\\s+this\\s+time|the\\s+present|current)|` +
      `(?<past>recently|lately|formerly|former|the\\s+past|earlier\\s+on|once\\s+upon\\s+a\\s+time)|` +
      `(?<future>the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|future|someday|the\\s+(?:near|short|long)\\s+term|in\\s+due\\s+course|the\\s+days\\s+ahead|the\\s+years\\s+ahead|the\\s+months\\s+ahead|the\\s+weeks\\s+ahead)`,
  ),
  make: (g, m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (g.present) {
      const w = g.present.toLowerCase();
      // "current" as in electricity or "current account" is not a time.
      if (w === 'current' && /^\s+(?:account|accounts|affairs|events|flows?|of|speed|density|state)\b/i.test(after))
        return null;

      return { type: 'date', resolve: () => ({ value: 'PRESENT_REF' }) };
    }
    if (g.past) {
      const w = g.past.toLowerCase().replace(/\s+/g, ' ');
      if (
        w === 'the past' &&
        /^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day)/i.test(after)
      )
        return null;
      return { type: 'date', resolve: () => ({ value: 'PAST_REF' }) };
    }
    const w = (g.future ?? '').toLowerCase();
    if (w === 'future' && /^\s+(?:of|tense)\b/i.test(after)) return null;
    return { type: 'date', resolve: () => ({ value: 'FUTURE_REF' }) };
  },
};
