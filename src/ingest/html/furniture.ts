/** Page furniture: markup and blocks that surround an article but are not its text. */

import type { DomDocument } from './types.js';
import { normalizeDate } from './dates.js';
import { norm } from './metadata.js';

/** Class/id words of page furniture that is never article text. */
const JUNK_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|share-?bar|social|related|recommended|more-stories|read-?more|newsletter|subscribe|subscription|signup|sign-up|cookies?|consent|gdpr|comments?|comment-list|disqus|advert|advertisement|ads?|ad-slot|promo|sponsored|sidebar|footer|site-footer|copyright|site-header|masthead|outbrain|taboola|popular|trending|most-read|tags|tag-list|author-bio|paywall|pullquote|pull-quote|caption|credit|byline|dateline|toolbar|skip-link|visually-hidden|sr-only|print-only|modal|overlay|banner|widget|donate)(?:$|[\s_-])/i;

const JUNK_TAGS =
  'script, style, noscript, template, iframe, nav, aside, footer, header, form, button, select, input, textarea, svg, canvas, figcaption, dialog, object, embed, video, audio, amp-ad, amp-analytics, amp-sidebar';

/** Removes page furniture before main-text detection: navigation, share bars, newsletter boxes, captions, comments. */
export function stripJunk(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(JUNK_TAGS))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id], [role], [aria-hidden], [hidden]'))) {
    if (!el.parentNode) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'article' || tag === 'main') continue;
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    if (['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search'].includes(role)) {
      el.remove();
      continue;
    }
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') {
      el.remove();
      continue;
    }
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (JUNK_WORDS.test(words)) el.remove();
  }
}

/** Readability sometimes keeps the headline as the first block: it is metadata, not body. */
export function dropLeadingTitle(text: string, title: string | undefined): string {
  if (!title) return text;
  const first = text.split('\n\n', 1)[0];
  if (norm(first) === norm(title)) return text.slice(first.length).replace(/^\s+/, '');
  return text;
}

/** Blocks that only repeat the byline or give a date are page furniture, not article text. */
export function dropMetaBlocks(text: string, byline: string | undefined): string {
  const by = byline ? norm(byline) : undefined;
  return text
    .split('\n\n')
    .filter((b) => {
      const n = norm(b);
      if (by && (n === by || n === `by ${by}`)) return false;
      if (b.length < 40 && normalizeDate(b) && /^[\p{N}\s,./:-]*(?:[A-Za-z]{3,9}\.?)?[\p{N}\s,./:-]*$/u.test(b))
        return false;
      return true;
    })
    .join('\n\n');
}
