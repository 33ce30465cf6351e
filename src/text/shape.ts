/**
 * Word shape: X upper, x lower, d digit, other ASCII kept (so "x.x." and "dd-dd" show), other symbols o;
 * at most 12 characters, with "+" after a longer word when `markLong` (the tagger's convention). Both the
 * tagger's and the entity tagger's features use it; changing it invalidates their model files.
 */
export function wordShape(w: string, markLong = false): string {
  let s = '';
  const n = Math.min(w.length, 12);
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) s += 'X';
    else if (c >= 97 && c <= 122) s += 'x';
    else if (c >= 48 && c <= 57) s += 'd';
    else if (c > 127) {
      const ch = w[i];
      s += ch.toUpperCase() !== ch ? 'x' : ch.toLowerCase() !== ch ? 'X' : 'o';
    } else s += w[i];
  }
  if (markLong && w.length > 12) s += '+';
  return s;
}
