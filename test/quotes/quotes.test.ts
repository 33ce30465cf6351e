import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { annotateText } from '../../src/text/annotate.js';
import { analyzeQuotes, annotateQuotes, findQuoteRegions, linkQuotes } from '../../src/quotes/index.js';
import type { AnnotatedArticle, Quote } from '../../src/model.js';
import { parseBrat, runQuotesEval } from '../../src/eval/quotes.js';

function doc(text: string, id = 'a'): AnnotatedArticle {
  return annotateText({ id, text, publishedInferred: false });
}
function quotes(text: string): Quote[] {
  return annotateQuotes(doc(text)).quotes;
}
function find(qs: Quote[], fragment: string): Quote {
  const q = qs.find((x) => x.text.includes(fragment));
  if (!q) throw new Error(`no quote containing "${fragment}" in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
}
function checkOffsets(d: AnnotatedArticle): void {
  for (const q of d.quotes) {
    expect(q.text).toBe(d.article.text.slice(q.start, q.end));
    if (q.cue) expect(q.cue.text).toBe(d.article.text.slice(q.cue.start, q.cue.end));
    if (q.speaker?.span)
      expect(q.speaker.span.text).toBe(d.article.text.slice(q.speaker.span.start, q.speaker.span.end));
  }
}

describe('direct quotes', () => {
  it('finds "…," X said with the content inside the marks', () => {
    const q = find(quotes('"We will appeal the ruling," Smith said.'), 'appeal');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('We will appeal the ruling');
    expect(q.cue?.text).toBe('said');
    expect(q.speaker?.name).toBe('Smith');
  });
  it('finds X said: "…"', () => {
    const q = find(quotes('Mayor Jane Doe said: "The budget is balanced."'), 'budget');
    expect(q.kind).toBe('direct');
    expect(q.speaker?.name).toBe('Jane Doe');
  });
  it('finds inverted attribution "…," said X, the …', () => {
    const q = find(quotes('"It was a long night," said Tom Baker, the fire chief.'), 'long night');
    expect(q.speaker?.name).toBe('Tom Baker');
    expect(q.cue?.text).toBe('said');
  });
  it('links the second part of a split quote to the first', () => {
    const qs = quotes('"We are ready," Lopez said. "The team has trained for months."');
    const a = find(qs, 'ready');
    const b = find(qs, 'trained');
    expect(b.continues).toBe(qs.indexOf(a));
    expect(b.speaker?.name).toBe('Lopez');
  });
  it('continues a quote over paragraphs without a closing mark', () => {
    const qs = quotes(
      'Kim said in a statement:\n\n"The first paragraph is here.\n\n"The second paragraph ends it."\n\nOther news.',
    );
    const b = find(qs, 'second paragraph');
    expect(find(qs, 'first paragraph').speaker?.name).toBe('Kim');
    expect(b.speaker?.name).toBe('Kim');
    expect(b.continues).toBeDefined();
  });
  it('handles curly quotes and em-dash attributions', () => {
    const q = find(quotes('“Nobody is above the law” — Senator Ann Lee'), 'above the law');
    expect(q.kind).toBe('direct');
    expect(q.speaker?.name).toBe('Ann Lee');
  });
  it('finds quotes introduced by according to', () => {
    const q = find(quotes('The board met on Monday. "We regret the delay," according to the memo.'), 'regret');
    expect(q.cue?.text).toBe('according to');
    expect(q.speaker?.span?.text).toBe('the memo');
  });
});

describe('quote-mark styles', () => {
  it('reads doubled apostrophes as quote marks', () => {
    const q = find(quotes("''We will not back down,'' Mr. Sanders said."), 'back down');
    expect(q.kind).toBe('direct');
    expect(q.text).toBe('We will not back down');
    expect(q.speaker?.name).toBe('Sanders');
  });
  it('closes a curly quote with a straight mark', () => {
    const q = find(quotes('“I was pretty clear about it," Ryan continued.'), 'pretty clear');
    expect(q.kind).toBe('direct');
    expect(q.cue?.text).toBe('continued');
    expect(q.speaker?.name).toBe('Ryan');
  });
  it('attributes a quote whose closing mark touches the name', () => {
    const q = find(quotes('“That is fine,”Clinton said.'), 'fine');
    expect(q.speaker?.name).toBe('Clinton');
  });
});

describe('partial and indirect speech', () => {
  it('keeps a parenthetical attribution with its statement', () => {
    const q = find(quotes('Survival, Mr. VandeHei says, depends on giving readers what they want.'), 'depends');
    expect(q.kind).toBe('indirect');
    expect(q.speaker?.name).toBe('VandeHei');
  });
  it('finds an unattributed question, and shows users no reported speech without a speaker', () => {
    const text = 'Asked whether he would run again, the senator smiled.';
    const { raw, quotes: shown } = analyzeQuotes(doc(text));
    const a = raw.find((x) => text.slice(x.content.start, x.content.end).includes('run again'));
    expect(a && a.cue && text.slice(a.cue.start, a.cue.end)).toBe('Asked');
    expect(a?.source).toBeUndefined();
    expect(shown.some((q) => q.text.includes('run again'))).toBe(false);
  });
  it('finds according to X inside a sentence', () => {
    const q = find(quotes('The deal, according to two officials, is worth $5 billion.'), 'worth');
    expect(q.cue?.text).toBe('according to');
    expect(q.speaker?.span?.text).toBe('two officials');
  });
  it('marks quoted words inside reported speech as partial', () => {
    const qs = quotes('The senator called the move "particularly disturbing" in a speech.');
    const q = find(qs, 'particularly disturbing');
    expect(q.kind).toBe('partial');
    expect(q.speaker?.span?.text).toBe('The senator');
    expect(q.cue?.text).toBe('called');
  });
  it('finds X said that … with the content span', () => {
    const q = find(quotes('Governor Ray Fox said that the bridge would reopen next week.'), 'bridge');
    expect(q.kind).toBe('indirect');
    expect(q.text).toBe('that the bridge would reopen next week');
    expect(q.speaker?.name).toBe('Ray Fox');
  });
  it('finds X told reporters …', () => {
    const q = find(quotes('Ana Ruiz told reporters the vote was rigged.'), 'vote');
    expect(q.kind).toBe('indirect');
    expect(q.text).toBe('the vote was rigged');
    expect(q.cue?.text).toBe('told');
  });
  it('finds according to X, …', () => {
    const q = find(quotes('According to the police, the suspect fled on foot.'), 'suspect');
    expect(q.kind).toBe('indirect');
    expect(q.speaker?.span?.text).toBe('the police');
  });
  it('keeps the cue with its auxiliary', () => {
    const q = find(quotes('Lee has said that taxes will rise.'), 'taxes');
    expect(q.cue?.text).toBe('has said');
  });
  it('keeps a negation with its cue', () => {
    const q = find(quotes('The mayor did not mention that the budget had shrunk.'), 'budget');
    expect(q.cue?.text).toBe('did not mention');
  });
  it('leaves "of" out of "said of"', () => {
    const q = find(quotes('"It is a fine plan," Ito said of the proposal.'), 'fine plan');
    expect(q.cue?.text).toBe('said');
  });
  it('takes the feeling into "expressed concern about"', () => {
    const q = find(quotes('Several governors expressed concern about the new rules for ports.'), 'rules');
    expect(q.cue?.text).toBe('expressed concern about');
  });
  it('finds evaluation and base-form cues ("argue", "mocked")', () => {
    expect(find(quotes('Critics argue that the tax hurts farmers.'), 'hurts').cue?.text).toBe('argue');
    expect(find(quotes('Senator Hale mocked the proposal as a gimmick.'), 'gimmick').cue?.text).toBe('mocked');
  });
  it('finds beliefs held by a named or described holder, not after a bare pronoun', () => {
    const q = find(quotes('Many economists believe the rate cut came too late.'), 'rate cut');
    expect(q.cue?.text).toBe('believe');
    expect(q.speaker?.span?.text).toBe('Many economists');
    expect(quotes('They think the rate cut came too late.')).toHaveLength(0);
  });
  it('reads "according to" with a source the tagger splits ("exit polls")', () => {
    const q = find(quotes('Ruiz was winning among older voters, according to exit polls.'), 'older voters');
    expect(q.speaker?.span?.text).toBe('exit polls');
  });
  it('finds poll shares as sources ("six in 10 said")', () => {
    const q = find(quotes('More than six in 10 said they were tired of the campaign.'), 'tired');
    expect(q.speaker?.span?.text).toBe('More than six in 10');
  });
  it('reads a capitalised first name tagged as a verb as part of the name', () => {
    const q = find(quotes('Grant Young, a county strategist, said the turnout was low.'), 'turnout');
    expect(q.speaker?.span?.text).toBe('Grant Young');
  });
  it('finds the subject of an appositive after ", and"', () => {
    const q = find(
      quotes('Officials met on Monday, and Rosa Lind, the state climate adviser, said her staff had a plan.'),
      'her staff',
    );
    expect(q.speaker?.span?.text).toBe('Rosa Lind');
  });
  it('takes "issued a statement saying" as the cue', () => {
    const q = find(quotes('The county released a statement Wednesday saying the roads were closed.'), 'roads');
    expect(q.cue?.text).toBe('released a statement Wednesday saying');
    expect(q.speaker?.span?.text).toBe('The county');
  });
  it('treats "records show" as an attribution, not any "show"', () => {
    const q = find(quotes('He gave to both parties in 2008, FEC records show.'), 'both parties');
    expect(q.cue?.text).toBe('show');
    expect(q.speaker?.span?.text).toBe('FEC records');
    expect(quotes('The players show the way to the stadium.')).toHaveLength(0);
  });
  it('does not read "a program called X" as an evaluation', () => {
    expect(quotes('She runs a program called Safe Streets in the city.')).toHaveLength(0);
  });
  it('does not take an infinitive ("no data to suggest") as a cue', () => {
    expect(quotes('There is no data to suggest that turnout fell.').some((q) => q.cue?.text === 'suggest')).toBe(false);
  });
  it('accepts an inverted attribution whose speaker has an appositive with a relative clause', () => {
    const q = find(
      quotes('That is not good enough, said Hal Rubel, a senior analyst at a bank, who notes that the deal is small.'),
      'good enough',
    );
    expect(q.speaker?.span?.text).toBe('Hal Rubel');
  });
  it('reads "one unaligned strategist" as one noun phrase', () => {
    const q = find(quotes('The race is open, said one unaligned Iowa strategist.'), 'race is open');
    expect(q.speaker?.span?.text).toBe('one unaligned Iowa strategist');
  });
  it('finds a subject ending in a party label before an appositive', () => {
    const q = find(quotes('Meanwhile, Sen. Ada Moss (D-Mo.), who has backed Lee, said the vote was close.'), 'vote');
    expect(q.speaker?.span?.text).toBe('Sen. Ada Moss (D-Mo.)');
  });
  it('reads a transcript with speaker labels in capitals', () => {
    const qs = quotes('The interview.\n\nHOST: Will you run again?\n\nMORALES: I have not decided yet.');
    expect(find(qs, 'run again').speaker?.span?.text).toBe('HOST');
    expect(find(qs, 'not decided').cue?.text).toBe(':');
    expect(quotes('The story.\n\nUPDATE: The road has reopened.')).toHaveLength(0);
  });
  it('takes particles "asked for", "agreed with", "pushed for" into the cue', () => {
    const q = find(quotes('The mayor asked for patience from residents.'), 'patience');
    expect(q.cue?.text).toBe('asked for');
    expect(q.text).toBe('patience from residents');
    expect(find(quotes('Ruiz pushed for a new vote on the budget.'), 'new vote').cue?.text).toBe('pushed for');
  });
  it('opens the cue with the verb governing "to say"', () => {
    const q = find(quotes('Mayor Lina Ortiz went on to say that the plan would fail.'), 'plan would fail');
    expect(q.cue?.text).toBe('went on to say');
    expect(q.speaker?.name).toBe('Lina Ortiz');
  });
  it('gives ", adding" after a partial quote the subject of the sentence', () => {
    const qs = quotes('Marta Ruiz told the paper that Lee "had a poor plan," adding, "He lost every county."');
    expect(find(qs, 'every county').speaker?.name).toBe('Marta Ruiz');
    expect(find(qs, 'poor plan').text).not.toContain('adding');
  });
  it('finds a subject with a party label before its verb', () => {
    const q = find(
      quotes('In a statement, Rep. Ana Price (D-N.Y.) reacted to the news, saying: "The ruling is wrong."'),
      'ruling is wrong',
    );
    expect(q.speaker?.name).toContain('Ana Price');
  });
  it('keeps a relative clause in the object of an evaluation cue', () => {
    const q = find(quotes('Nora Kim, the mayor, criticized the firms that moved jobs abroad.'), 'firms');
    expect(q.text).toBe('the firms that moved jobs abroad');
  });
  it('finds "echoed" as an evaluation cue', () => {
    const q = find(quotes('Senator Jeff Hale echoed the warning about the debt.'), 'warning');
    expect(q.cue?.text).toBe('echoed');
  });
  it('takes "in a written statement" into the cue', () => {
    const q = find(quotes('Lena Ortiz said in a written statement that the vote would go ahead.'), 'vote');
    expect(q.cue?.text).toBe('said in a written statement');
  });
  it('leaves out forms that are rarely cues in running text ("expects", "posted")', () => {
    expect(quotes('The company expects sales to rise next year.')).toHaveLength(0);
    expect(quotes('Kim Lee posted pictures of the flood on her page.')).toHaveLength(0);
    expect(find(quotes('"We are safe," Kim Lee posted.'), 'safe').cue?.text).toBe('posted');
  });
  it('finds the subject past a day between it and the cue ("Ryan on Tuesday called")', () => {
    const q = find(quotes('Senator Paul Reyes on Tuesday called the remarks racist.'), 'remarks');
    expect(q.speaker?.name).toBe('Paul Reyes');
  });
  it('finds a question asked by someone ("When asked by a reporter whether …")', () => {
    const text = 'When asked by a reporter whether the plan was legal, the mayor smiled.';
    const a = analyzeQuotes(doc(text)).raw.find((x) =>
      text.slice(x.content.start, x.content.end).includes('plan was legal'),
    );
    expect(a && a.cue && text.slice(a.cue.start, a.cue.end)).toBe('asked');
  });
  it('attributes a title "Name: statement" to the name', () => {
    const q = find(quotes('Clinton camp: The new rules threaten national security.\n\nThe story.'), 'new rules');
    expect(q.kind).toBe('indirect');
    expect(q.cue?.text).toBe(':');
    expect(q.speaker?.span?.text).toBe('Clinton camp');
    expect(quotes('The Latest: Votes are counted in the north.\n\nMore.')).toHaveLength(0);
  });
});

describe('speakers', () => {
  it('resolves "he said" to the most recent person speaker', () => {
    const qs = quotes(
      'Gov. Andrew Cuomo demanded a review. Cuomo said he requested a probe.\n\n"It is critical," he said.',
    );
    const q = find(qs, 'critical');
    expect(q.speaker?.span?.text).toBe('he');
    expect(q.speaker?.name).toBe('Andrew Cuomo');
  });
  it('does not resolve "she" to a man', () => {
    const text =
      'Mark Olson said he would appeal. Maria Ruiz described the meeting in detail.\n\nShe reported the incident to the police.';
    const q = find(quotes(text), 'incident');
    expect(q.speaker?.span?.text).toBe('She');
    expect(q.speaker?.name).toBe('Maria Ruiz');
  });
  it('names a document by its author', () => {
    const text =
      'In an open letter, the group Time\'s Up asked for a review.\n\nThe Time\'s Up open letter said the case was "particularly disturbing."\n\n"The review must start now," the letter said.';
    const qs = quotes(text);
    expect(find(qs, 'particularly').speaker?.name).toBe("Time's Up");
    expect(find(qs, 'review must').speaker?.name).toBe("Time's Up");
  });
  it('links a statement to the spokesman who released it', () => {
    const text =
      'Danny Frost, a spokesman for the office, released a statement on Monday.\n\n"Our work speaks for itself," the statement read in part.';
    const q = find(quotes(text), 'speaks');
    expect(q.cue?.text).toBe('read');
    expect(q.speaker?.name).toBe('Danny Frost');
  });
  it('resolves a role to the person it described', () => {
    const text =
      'Danny Frost, a spokesman for the office, spoke on Monday.\n\n"We are reviewing the file," the spokesman said.';
    const q = find(quotes(text), 'reviewing');
    expect(q.speaker?.span?.text).toBe('the spokesman');
    expect(q.speaker?.name).toBe('Danny Frost');
  });
  it('uses the speaker of the previous sentence for a bare quote paragraph', () => {
    const qs = quotes('"We will win," Maria Gomez said.\n\n"And we will win big."');
    expect(find(qs, 'win big').speaker?.name).toBe('Maria Gomez');
  });
  it('leaves an unattributed quote without a speaker', () => {
    const q = find(quotes('"Nobody knows what happens next."'), 'Nobody');
    expect(q.speaker).toBeNull();
  });
  it('prefers the entity name when the speaker overlaps an entity', () => {
    const d = doc('"We disagree," Smith said.');
    const s = d.article.text.indexOf('Smith');
    d.mentions = [{ start: s, end: s + 5, text: 'Smith', type: 'person', entity: 0 }];
    d.entities = [{ name: 'John Smith', type: 'person', aliases: ['Smith'], mentions: [0], roles: [] }];
    const q = find(annotateQuotes(d).quotes, 'disagree');
    expect(q.speaker?.name).toBe('John Smith');
    expect(q.speaker?.entity).toBe(0);
  });
  it('gives a cue that introduces the next quote to that quote, not the one before', () => {
    const qs = quotes('Rivera said, "The bridge is safe." He added, "We will inspect it again in May."');
    expect(find(qs, 'bridge is safe').speaker?.name).toBe('Rivera');
    expect(find(qs, 'inspect it').speaker?.span?.text).toBe('He');
  });
  it('takes the speaker from a sentence that ends with an attribution just before a quote', () => {
    const qs = quotes('The town needs "a new plan for the harbor," Okafor said. "Nobody has asked the fishermen."');
    expect(find(qs, 'Nobody has asked').speaker?.name).toBe('Okafor');
  });
  it('gives a quote part without attribution the speaker of the sentence that follows it', () => {
    const qs = quotes('"Everyone was singing" before the storm, Lopez said. "Then the lights went out."');
    expect(find(qs, 'Everyone was singing').speaker?.name).toBe('Lopez');
    expect(find(qs, 'lights went out').speaker?.name).toBe('Lopez');
  });
  it('skips a cue inside a relative clause between the quote and its attribution', () => {
    const q = find(quotes('"It was a mistake," Delgado, who has not endorsed a candidate, told reporters.'), 'mistake');
    expect(q.speaker?.name).toBe('Delgado');
    expect(q.cue?.text).toBe('told');
  });
  it('accepts "the 52-year-old" as a speaker', () => {
    expect(find(quotes('"We won," said the 52-year-old.'), 'We won').speaker?.span?.text).toBe('the 52-year-old');
  });
  it('reads hyphenated modifiers and demonstratives inside a speaker phrase', () => {
    const a = find(quotes('"He must stop," the conservative-leaning newspaper wrote.'), 'must stop');
    expect(a.speaker?.span?.text).toBe('the conservative-leaning newspaper');
    const b = find(quotes('"They like him," this source told the paper.'), 'like him');
    expect(b.speaker?.span?.text).toBe('this source');
  });
  it('ends an attribution at "said 30 minutes into the debate"', () => {
    const q = find(quotes('"It has been civil," Senator Ray Dole said 30 minutes into the debate.'), 'civil');
    expect(q.speaker?.name).toBe('Ray Dole');
  });
  it('takes the speaker from a short sentence with an evaluation cue before a quote', () => {
    const q = find(quotes('Professor Dana Bystrom agreed. "Time is running out for the party."'), 'running out');
    expect(q.speaker?.name).toBe('Dana Bystrom');
  });
  it('does not take the object of "speaking to" as the speaker', () => {
    const q = find(quotes('A senior official speaking to Channel Four said, "The talks have failed."'), 'talks');
    expect(q.speaker?.span?.text).toBe('A senior official');
  });
  it('keeps the opening attribution of a finished quote over a new sentence after it', () => {
    const qs = quotes('Ana Reyes agreed and said, "The city has a housing problem." The star then recalled a story.');
    expect(find(qs, 'housing problem').speaker?.name).toBe('Ana Reyes');
  });
  it('reads "Smith said the campaign …" after a quote as new reported speech', () => {
    const qs = quotes('"We won." Marta Diaz recalled an incident at the theater.');
    expect(find(qs, 'We won').speaker).toBeNull();
  });
  it('takes a name after a dash and before a colon as the speaker of the quote', () => {
    const q = find(quotes('Pollsters agree - Cara Bialik: “Keep contacting voters late.”'), 'contacting voters');
    expect(q.speaker?.name).toBe('Cara Bialik');
  });
  it('finds more verbs that introduce quotes ("elaborated", "fumed")', () => {
    expect(find(quotes('"No one questioned it," she elaborated.'), 'questioned').cue?.text).toBe('elaborated');
    expect(find(quotes('"That is absurd," Senator Ray Toomey fumed.'), 'absurd').speaker?.name).toBe('Ray Toomey');
  });
  it('does not take the object of a participle after a quote as its speaker', () => {
    const q = find(quotes('Omar Said also vowed, "We will defeat them fast," referring to the militia.'), 'defeat');
    expect(q.speaker?.name).toBe('Omar Said');
  });
  it('finds the subject of a participle past an opening "And then"', () => {
    const q = find(quotes('And then Mayor Ana Lind went on the attack, saying, "Is the council asleep?"'), 'asleep');
    expect(q.speaker?.name).toBe('Ana Lind');
  });
  it('finds the subject of "but added" past a short appositive', () => {
    const q = find(quotes('Suu Lin, 70, said it was too early but added, "You all know the results."'), 'results');
    expect(q.speaker?.name).toBe('Suu Lin');
  });
  it('takes a lone capitalised word between a quote and its cue as the speaker', () => {
    expect(find(quotes('"The plan failed," Will wrote.'), 'plan failed').speaker?.span?.text).toBe('Will');
    expect(find(quotes('"It is a good deal," Read said.'), 'good deal').speaker?.span?.text).toBe('Read');
  });
  it('keeps "familiar with" and "close to" inside the speaker phrase', () => {
    const q = find(quotes('Two people familiar with the talks said the deal was close.'), 'deal was close');
    expect(q.speaker?.span?.text).toBe('Two people familiar with the talks');
  });
  it('reads a spaced hyphen after a quote as a dash before the speaker', () => {
    expect(find(quotes('"Taxes will not go up." - Marcus Webb'), 'Taxes').speaker?.name).toBe('Marcus Webb');
  });
  it('does not take a prepositional phrase before an appositive as the speaker', () => {
    const q = find(
      quotes('In a statement, Lena Ortiz, a spokeswoman for the council, said: "The vote will go ahead."'),
      'vote will go ahead',
    );
    expect(q.speaker?.name).toBe('Lena Ortiz');
  });
});

describe('bad input', () => {
  it('does not run away on an unbalanced quote mark', () => {
    const text =
      'He said "this never closes.\n\nA second paragraph with no marks at all.\n\n"Then a real quote," she said.';
    const d = annotateQuotes(doc(text));
    checkOffsets(d);
    for (const q of d.quotes) expect(q.text.includes('second paragraph')).toBe(false);
    expect(find(d.quotes, 'real quote').kind).toBe('direct');
  });
  it('caps a quote spanning the whole article', () => {
    const para = '"' + 'word '.repeat(200).trim() + '.';
    const text = Array.from({ length: 30 }, () => para).join('\n\n');
    const regions = findQuoteRegions(text);
    for (const r of regions) expect(r.end - r.start).toBeLessThan(5000);
    checkOffsets(annotateQuotes(doc(text)));
  });
  it('keeps nested quotes inside the outer quote', () => {
    const q = find(quotes('"They called it \u2018a hoax,\u2019 which it was not," Park said.'), 'hoax');
    expect(q.text).toBe('They called it \u2018a hoax,\u2019 which it was not');
    expect(q.speaker?.name).toBe('Park');
  });
  it('does not take apostrophes for quotes', () => {
    const qs = quotes("The players' union and the owners' group met in the '90s. It's Lee's call.");
    expect(qs.filter((q) => q.kind !== 'indirect')).toHaveLength(0);
  });
  it('survives empty and markless input', () => {
    expect(quotes('')).toEqual([]);
    expect(quotes('"')).toEqual([]);
    expect(quotes('""""')).toEqual([]);
  });
  it('keeps every span equal to the text it points at', () => {
    const text = '“A,” he said. "B" — Ann Lee\n\nAccording to the report, prices rose. Lee said that “costs” went up.';
    checkOffsets(annotateQuotes(doc(text)));
  });
});

describe('linking across articles', () => {
  it('links the same statement quoted by two articles and flags different wording', () => {
    const a = annotateQuotes(
      doc('"The investigation is active and ongoing and we will not comment further," Frost said.', 'a'),
    );
    const b = annotateQuotes(
      doc('“The investigation is active and ongoing, and we cannot comment further,” Frost said.', 'b'),
    );
    const c = annotateQuotes(doc('"Prices for wheat fell sharply across the region this spring," Olson said.', 'c'));
    const linked = linkQuotes([a, b, c]);
    expect(linked).toHaveLength(1);
    expect(linked[0].articles).toBe(2);
    expect(linked[0].speaker).toBe('Frost');
    expect(linked[0].wordingDiffers).toBe(true);
  });
  it('does not flag identical wording with different quote marks', () => {
    const a = annotateQuotes(doc('"We will rebuild the bridge before winter comes," Fox said.', 'a'));
    const b = annotateQuotes(doc('“We will rebuild the bridge before winter comes,” Fox said.', 'b'));
    const linked = linkQuotes([a, b]);
    expect(linked).toHaveLength(1);
    expect(linked[0].wordingDiffers).toBe(false);
  });
});

describe('PolNeAR loading', () => {
  it('parses discontinuous spans and events', () => {
    const ann =
      'T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tabc\nT4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n';
    const [a] = parseBrat(ann);
    expect(a.source).toMatchObject({ start: 0, end: 5 });
    expect(a.content).toMatchObject({ start: 11, end: 30 });
    expect(a.content?.fragments).toHaveLength(2);
  });
  const data = process.env.STORYLINE_DATA ?? path.resolve('../shared/data');
  const dev = path.join(data, 'quotes/polnear/dev');
  describe.skipIf(!existsSync(dev))('on the dev split', () => {
    it('evaluates a few articles', async () => {
      const r = await runQuotesEval(dev, { limit: 3, speedPasses: 0 });
      expect(r.articles).toBe(3);
      expect(r.all.cue.exact.predicted).toBeGreaterThan(0);
    });
  });
});

describe('analysis', () => {
  it('exposes raw attributions with statement extents including quote marks', () => {
    const text = '"Yes," Lee said. "No."';
    const { raw } = analyzeQuotes(doc(text));
    expect(text.slice(raw[0].statement.start, raw[0].statement.end)).toBe(text);
  });
});

describe('passive cues', () => {
  it('does not take the subject of a passive cue as the source', () => {
    const text = 'Workers at the depot were told to stay home until Monday, the union said.';
    const { raw } = analyzeQuotes(doc(text));
    const told = raw.find((a) => a.cue && text.slice(a.cue.start, a.cue.end) === 'were told');
    expect(told).toBeDefined();
    expect(told?.source).toBeUndefined();
    const said = raw.find((a) => a.cue && text.slice(a.cue.start, a.cue.end) === 'said');
    expect(said?.source && text.slice(said.source.start, said.source.end)).toBe('the union');
  });
  it('reports no words after a passive cue followed by a time', () => {
    const text =
      'The fire was reported at 6:10 a.m. in a storage shed where the farm keeps feed. Officials said the shed was empty.';
    const { raw } = analyzeQuotes(doc(text), 'rules');
    expect(raw.filter((a) => a.cue && /reported/.test(text.slice(a.cue.start, a.cue.end)))).toHaveLength(0);
    expect(raw.some((a) => a.cue && text.slice(a.cue.start, a.cue.end) === 'said')).toBe(true);
  });
});

describe('datelines', () => {
  it('leaves a dateline out of reported words', () => {
    const q = find(quotes('PORT EMERY — The ferry line will stop running in May, the harbor board said.'), 'ferry');
    expect(q.text).toBe('The ferry line will stop running in May');
  });
  it('leaves a dateline with an agency out of reported words', () => {
    const q = find(quotes('DUNMORE (Coast Wire) — Two roads will close for repairs, officials said.'), 'roads');
    expect(q.text).toBe('Two roads will close for repairs');
  });
});

describe('adverbs closing a cue', () => {
  it('keeps "sarcastically" and "then" with the cue', () => {
    expect(find(quotes('"What a surprise," the coach said sarcastically.'), 'surprise').cue?.text).toBe(
      'said sarcastically',
    );
    expect(find(quotes('"We will wait," Ms. Lund said then.'), 'wait').cue?.text).toBe('said then');
  });
  it('leaves out an adverb that belongs to the reported words', () => {
    expect(find(quotes('The coach said early signs were good.'), 'signs').cue?.text).toBe('said');
  });
});

describe('quotation dash', () => {
  it('takes the name after a quotation dash (U+2015) as the speaker', () => {
    const qs = quotes(
      'Readers wrote in.\n“He has no plan for the border.” ― Ana Ruiz\n“We deserve better.”― Tom Baker.\n',
    );
    expect(find(qs, 'border').speaker?.name).toBe('Ana Ruiz');
    expect(find(qs, 'deserve').speaker?.name).toBe('Tom Baker');
  });
});

describe('unsourced passive cues', () => {
  it('shows no quote for a passive cue that names no one', () => {
    const qs = quotes('Residents near the dam were ordered to leave their homes on Friday.');
    expect(qs.filter((q) => q.text.includes('leave'))).toHaveLength(0);
  });
});
