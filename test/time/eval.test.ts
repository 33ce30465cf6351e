import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTimeEval, parseTimeMl, runTimeEval, TimeMlError } from '../../src/eval/time.js';

const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2018-01-01" temporalFunction="false" functionInDocument="CREATION_TIME">20180101</TIMEX3></DCT>
<TEXT>
Smith &amp; Co. <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2018-01-01">Monday</TIMEX3> that sales rose <TIMEX3 tid="t2" type="DATE" value="2017">last year</TIMEX3>.
The review takes <TIMEX3 tid="t3" type="DURATION" value="P45D">45 days</TIMEX3>; it began on <TIMEX3 tid="t4" type="DATE" value="2017-10-10">Oct. 10</TIMEX3>.
</TEXT>
</TimeML>`;

describe('parseTimeMl', () => {
  it('extracts plain text, the DCT and gold spans with exact offsets', () => {
    const d = parseTimeMl(TML, 'T1');
    expect(d.dct).toBe('2018-01-01');
    expect(d.text).toContain('Smith & Co. said Monday');
    expect(d.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['Monday', 'date', '2018-01-01'],
      ['last year', 'date', '2017'],
      ['45 days', 'duration', 'P45D'],
      ['Oct. 10', 'date', '2017-10-10'],
    ]);
    for (const t of d.timexes) expect(d.text.slice(t.start, t.end)).toBe(t.text);
  });

  it('fails with an actionable error on non-TimeML input', () => {
    expect(() => parseTimeMl('<html></html>', 'x')).toThrow(TimeMlError);
  });
});

describe('runTimeEval', () => {
  it('scores a directory of TimeML files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storyline-time-'));
    try {
      writeFileSync(path.join(dir, 'T1.tml'), TML);
      const r = await runTimeEval([dir], { errors: true });
      expect(r.documents).toBe(1);
      expect(r.gold).toBe(4);
      // Oct. 10 resolves to 2017-10-10 (closest to the DCT); every gold span is found exactly.
      expect(r.strict.r).toBe(1);
      expect(r.relaxed.r).toBe(1);
      expect(r.valueAccuracy).toBe(1);
      expect(r.typeAccuracy).toBe(1);
      expect(r.valueF1).toBeCloseTo((2 * (4 / r.predicted) * 1) / (4 / r.predicted + 1), 6);
      expect(formatTimeEval(r)).toMatch(/strict extent/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing path with a clear message', async () => {
    await expect(runTimeEval('/nonexistent/timebank')).rejects.toThrow(/not found/);
  });
});
