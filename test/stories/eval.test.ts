import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clusterTextFolder,
  detectStoriesFormat,
  detokenize,
  ducDate,
  formatStoriesEval,
  parseDucDocument,
  parseEcbDocument,
  runStoriesEval,
} from '../../src/eval/stories.js';

const dataRoot = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
const examples = path.resolve(dataRoot, '../examples');
const ecb = path.join(dataRoot, 'stories', 'ecbplus');

describe('story evaluation readers', () => {
  it('rebuilds ECB+ text sentence by sentence', () => {
    const xml = `<Document doc_name="1_1ecb.xml"><token t_id="1" sentence="0" number="0">Tara</token>
<token t_id="2" sentence="0" number="1">Reid</token><token t_id="3" sentence="0" number="2">,</token>
<token t_id="4" sentence="0" number="3">33</token><token t_id="5" sentence="0" number="4">,</token>
<token t_id="6" sentence="0" number="5">said</token><token t_id="7" sentence="0" number="6">\`\`</token>
<token t_id="8" sentence="0" number="7">hi</token><token t_id="9" sentence="0" number="8">''</token>
<token t_id="10" sentence="1" number="0">She</token><token t_id="11" sentence="1" number="1">left</token>
<token t_id="12" sentence="1" number="2">.</token></Document>`;
    const a = parseEcbDocument(xml, '1_1ecb');
    expect(a.text).toBe('Tara Reid, 33, said "hi"\nShe left.');
    expect(a.published).toBeUndefined();
    expect(detokenize(['It', "'s", 'the', '(', 'U.S.', ')', 'team', "n't"])).toBe("It's the (U.S.) teamn't");
  });

  it('reads DUC SGML with headline, paragraphs and date', () => {
    const a = parseDucDocument(
      `<DOC><DOCNO> APW19990707.0181 </DOCNO><DATE_TIME> 07/07/1999 </DATE_TIME><BODY><HEADLINE> Clinton Visits </HEADLINE>
<TEXT><P>PINE RIDGE, S.D. (AP) -- President Clinton
turned to the reservation.</P><P>Second &amp; last.</P></TEXT></BODY></DOC>`,
      'x',
    );
    expect(a.id).toBe('APW19990707.0181');
    expect(a.title).toBe('Clinton Visits');
    expect(a.published).toBe('1999-07-07');
    expect(a.source).toBe('Associated Press');
    expect(a.text).toBe('PINE RIDGE, S.D. (AP) -- President Clinton turned to the reservation.\n\nSecond & last.');
    expect(ducDate(undefined, 'NYT19980612.0403')).toBe('1998-06-12');
  });

  it('explains an unknown folder', async () => {
    await expect(detectStoriesFormat(path.resolve('test'))).rejects.toThrow(/neither ECB\+/);
  });
});

describe.skipIf(!existsSync(examples))('the two example articles', () => {
  it('form one story', async () => {
    const stories = await clusterTextFolder(examples);
    expect([...stories.values()].map((ids) => ids.length)).toEqual([2]);
  });
});

describe.skipIf(!existsSync(ecb))('ECB+ evaluation', () => {
  it('runs on the first topics and reports both levels', async () => {
    const r = await runStoriesEval(ecb, { limit: 40 });
    expect(r.format).toBe('ecbplus');
    expect(r.articles).toBe(40);
    expect(r.levels.map((l) => l.level)).toEqual(['story', 'topic']);
    for (const l of r.levels) {
      expect(l.bcubed.f1).toBeGreaterThan(0);
      expect(l.bcubed.f1).toBeLessThanOrEqual(1);
    }
    expect(formatStoriesEval(r)).toMatch(/B3 F1/);
  });
});
