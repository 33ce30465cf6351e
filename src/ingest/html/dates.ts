/** Publication dates as pages write them, read into one calendar form (shared by metadata and block filtering). */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A date in any common web form (ISO 8601, RFC 822, "March 2, 2026", "2 March 2026") as YYYY-MM-DD.
 * ISO dates keep their written calendar day (the publisher's local date), whatever the offset.
 */
export function normalizeDate(raw: string): string | undefined {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return valid(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const rfc = /(?:^|\s|,)(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(s);
  if (rfc && MONTHS[rfc[2].toLowerCase()]) return valid(Number(rfc[3]), MONTHS[rfc[2].toLowerCase()], Number(rfc[1]));
  const us = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(s);
  if (us && MONTHS[us[1].toLowerCase()]) return valid(Number(us[3]), MONTHS[us[1].toLowerCase()], Number(us[2]));
  return undefined;
}

function valid(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
