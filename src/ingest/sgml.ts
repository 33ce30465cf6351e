import type { Article } from '../model.js';
import { IngestError } from './errors.js';
import { normalizeDate } from './html.js';
import { makeArticle } from './parse.js';

/**
 * News in the SGML of the TIPSTER/TREC/DUC/AQUAINT collections: one or more `<DOC>` elements with
 * `<DOCNO>`, a date, a `<HEADLINE>` and the story in `<TEXT>` (or `<BODY>`), as `<P>` paragraphs or
 * as plain hard-wrapped lines. Such files are not HTML (a DOM parser finds no body in them), so they
 * are read here, without a DOM.
 */
export function looksLikeSgmlNews(head: string): boolean {
  const h = head.replace(/^\ufeff/, '').trimStart();
  return /^<DOC>/i.test(h) && /<(?:DOCNO|TEXT|BODY)>/i.test(h);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lr: '',
  ur: '',
};

function entities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? ' ';
  });
}

function tag(doc: string, name: string): string | undefined {
  return new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'i').exec(doc)?.[1];
}

function oneLine(s: string): string {
  return entities(s.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The story paragraphs of one document: `<P>` elements, else blocks split at blank or indented lines. */
function paragraphs(body: string): string[] {
  const text = body.replace(/<(SLUG|HEADLINE|CATEGORY|HEADER|TRAILER|DATELINE)>[\s\S]*?<\/\1>/gi, '');
  const paras = /<P(?:\s[^>]*)?>/i.test(text)
    ? [...text.matchAll(/<P(?:\s[^>]*)?>([\s\S]*?)(?=<\/?P(?:\s[^>]*)?>|$)/gi)].map((m) => m[1])
    : text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n|\n(?=[ \t])/);
  return paras.map(oneLine).filter((p) => p.length > 0);
}

export type SgmlResult = { ok: true; article: Article } | { ok: false; where: string; error: IngestError };

/** Reads every `<DOC>` of an SGML news file; a document without text is a failure naming its DOCNO. */
export function sgmlArticles(text: string, path: string): SgmlResult[] {
  const docs = [...text.matchAll(/<DOC(?:\s[^>]*)?>([\s\S]*?)(?:<\/DOC>|(?=<DOC[\s>])|$)/gi)].map((m) => m[1]);
  const out: SgmlResult[] = [];
  for (const doc of docs) {
    const docno = oneLine(tag(doc, 'DOCNO') ?? '');
    const where = docs.length > 1 && docno ? `${path}#${docno}` : path;
    const body = tag(doc, 'TEXT') ?? tag(doc, 'BODY') ?? '';
    const dateRaw = oneLine(tag(doc, 'DATE_TIME') ?? tag(doc, 'DATE') ?? '');
    const fromDocno = /(\d{4})(\d{2})(\d{2})/.exec(docno);
    const published =
      (dateRaw ? normalizeDate(dateRaw) : undefined) ??
      (fromDocno ? normalizeDate(`${fromDocno[1]}-${fromDocno[2]}-${fromDocno[3]}`) : undefined);
    const title = oneLine(tag(doc, 'HEADLINE') ?? tag(doc, 'HL') ?? tag(doc, 'TITLE') ?? '') || undefined;
    const source = /^([A-Z]{2,})\d/.exec(docno)?.[1];
    try {
      const paras = paragraphs(body);
      if (paras.length === 0) {
        throw new IngestError(
          'empty',
          `no article text in SGML document${docno ? ` ${docno}` : ''} (empty <TEXT>/<BODY>)`,
        );
      }
      out.push({ ok: true, article: makeArticle(paras.join('\n\n'), { title, published, source, path: where }) });
    } catch (err) {
      out.push({
        ok: false,
        where,
        error: err instanceof IngestError ? err : new IngestError('unreadable', (err as Error).message),
      });
    }
  }
  if (out.length === 0) out.push({ ok: false, where: path, error: new IngestError('empty', 'no <DOC> with text') });
  return out;
}
