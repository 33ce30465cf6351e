import { idMaker, labelAttribution, newlineBetween, type Pass } from './context.js';
import { CAP_WORD } from './words.js';

/** Section labels that open a title with a colon but name no source ("The Latest: …", "Update: …"). */
const HEADLINE_LABELS =
  /^(the latest|latest|update|updated|correction|watch|breaking|breaking news|exclusive|live|video|photos|opinion|analysis|editorial|review|quiz|podcast|transcript|editor’s note|editor's note|note|read|related|paid notice)$/;

/**
 * A title line "Clinton camp: Trump's rhetoric threatens security": a short name, a colon, and what the
 * named source says. Only the first paragraph of the text, and not section labels ("The Latest: …").
 */
export const headline: Pass = (ctx, attributions) => {
  const toks = ctx.tokens;
  let colon = -1;
  for (let i = 0; i < toks.length && i <= 6; i++) {
    if (newlineBetween(ctx, 0, toks[i].start)) return [...attributions];
    if (toks[i].text === ':') {
      colon = i;
      break;
    }
    if (ctx.regionAt[toks[i].start] >= 0 || /^(VERB|AUX|PUNCT|SCONJ)$/.test(toks[i].upos ?? '')) {
      if (!(toks[i].upos === 'PUNCT' && /^[-.’']$/.test(toks[i].text))) return [...attributions];
    }
  }
  if (colon < 1 || !CAP_WORD.test(toks[0].text)) return [...attributions];
  const label = ctx.text.slice(toks[0].start, toks[colon - 1].end).toLowerCase();
  if (HEADLINE_LABELS.test(label)) return [...attributions];
  const found = labelAttribution(ctx, 0, colon, 3, attributions, idMaker(attributions));
  return found ? [...attributions, found] : [...attributions];
};
