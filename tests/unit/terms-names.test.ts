import { describe, expect, it } from 'vitest';
import { capitalisedNames, lineNames, onlyInHeadlines } from '../../lib/corpus/extract/names';
import { toReport } from '../../lib/corpus';
import { buildIndex } from '../../lib/corpus/live-index';
import { cleanName, extractReportTerms, extractTerms, isEnglishPiece, numberVariants } from '../../lib/corpus/terms';
import { Matcher } from '../../lib/match';
import { americanSpelling } from '../../lib/match/tokens';
import { isQualityPhrase } from '../../lib/corpus/extract/topics';

const names = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => n.name);

describe('capitalised names (lib/corpus/extract/names.ts)', () => {
  it('keeps names whole with connectors, hyphens and numbers', () => {
    expect(names('A volcanologist with the Nicaraguan Institute of Territorial Studies spoke.')).toContain('Nicaraguan Institute of Territorial Studies');
    expect(names('The leader of al-Shabab was killed, officials said.')).toContain('al-Shabab');
    expect(names('It is thinner than the Microsoft Surface Pro 3 and the asteroid 2014 RC.')).toEqual(expect.arrayContaining(['Microsoft Surface Pro 3', '2014 RC']));
    expect(names('The store is on 34th Street near the Empire State Building.')).toEqual(expect.arrayContaining(['34th Street', 'Empire State Building']));
  });
  it('splits titles off people and drops sentence-initial common words, contractions and headlines', () => {
    expect(names('It was confirmed by Rear Admiral John Kirby on Friday.')).toEqual(['John Kirby']);
    expect(names('U.S. Secretary of State Marco Rubio told reporters.')).not.toContain('State Marco Rubio');
    expect(names('Sources say the deal is off. They\'re not sure.')).toEqual([]);
    expect(names('Rumor: Vogue\'s Rat Problem Is Getting Worse Every Single Day')).toEqual([]);
    expect(names('Captain said nothing.')).toEqual([]);
  });
  it('a month after a preposition of time is no first name: "In June Islamic State militants …"', () => {
    const forms = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => `${e.kind}:${f}`));
    const got = forms('In June Islamic State militants took control of the second city of Mosul. Islamic State fighters then moved south.');
    expect(got.some((f) => f.includes('June'))).toBe(false);
    expect(got).toContain('organization:Islamic State');
  });
  it('keeps acronyms and inner capitals, not units or times', () => {
    expect(names('It said Apple skipped CES and showed the iPhone at 9 AM ET.')).toEqual(['Apple', 'CES', 'iPhone']);
    expect(names('It said Apple skipped CES and showed the iPhone at 9 AM ET.')).not.toContain('AM');
  });

  it('tells a demonym from a name that ends like one', () => {
    expect(names('Critics said even Satan would not think of it, a Mexican official told a Kenyan paper in Milan.')).toEqual(['Satan', 'Milan']);
  });

  it('takes no video id or run-together date for a name, and keeps model names with digits', () => {
    expect(names('Watch it at youtu.be/yrXx9dBo8M, posted by Lena Ortiz on Nov11th-2014 about the H5N1 strain and the iPhone6s.')).toEqual(['Lena Ortiz', 'H5N1', 'iPhone6s']);
  });

  it('keeps a site named with a number run into a capitalised word ("9to5Mac")', () => {
    expect(names('The leak was first reported by 7up4Tech on Tuesday.')).toEqual(['7up4Tech']);
  });
});

describe('variants of one term', () => {
  it('spells a model number joined, spaced and hyphenated', () => {
    expect(numberVariants('XR-7').sort()).toEqual(['XR 7', 'XR7']);
    expect(numberVariants('Kestrel')).toEqual([]);
  });
  it('marks XR-7, XR 7 and XR7 as one term, and a person named with a speech verb', () => {
    const terms = extractTerms(['Voltra recalled the XR-7 heater, Priya Nandakumar said on Tuesday.', 'Shops in Leeds stopped selling the XR 7, Priya Nandakumar said.']);
    const m = new Matcher(terms);
    const found = m.find('An XR7, an XR 7 or an XR-7: Nandakumar said all would be collected.');
    expect(found.map((x) => x.text)).toEqual(['XR7', 'XR 7', 'XR-7', 'Nandakumar']);
    expect(new Set(found.slice(0, 3).map((x) => x.termId)).size).toBe(1);
    expect(terms.find((t) => t.label === 'Priya Nandakumar')?.kind).toBe('person');
  });
  it('spells British and American words alike, so a term marks both', () => {
    expect(['defence', 'advisers', 'organisation', 'centre', 'labour', 'travelled'].map(americanSpelling)).toEqual(['defense', 'advisors', 'organization', 'center', 'labor', 'traveled']);
    expect(['rise', 'promise', 'more', 'your'].map(americanSpelling)).toEqual(['rise', 'promise', 'more', 'your']);
    // Words that are also names of Object.prototype's members are words like any other.
    expect(['constructor', 'valueof', 'tostring'].map(americanSpelling)).toEqual(['constructor', 'valueof', 'tostring']);
    const terms = extractTerms(['The defence minister met the ambassador. The defence minister left.', 'The defence minister spoke at the World Trade Centre.']);
    const found = new Matcher(terms).find('The defense minister visited the World Trade Center.').map((m) => m.text);
    expect(found).toEqual(['defense minister', 'World Trade Center']);
  });
  it('makes an acronym and the expansion a report gives for it one term, and a joined initial one name', () => {
    const terms = extractTerms([
      'The Aircraft Accident Investigation Bureau (AAIB) said the sole survivor, A Kumar Ramesh, was recovering. The AAIB report is due.',
      'Survivor A Kumar Ramesh said he walked out. The AAIB declined to comment.',
    ]);
    expect(terms.find((t) => t.label === 'AAIB')).toBeUndefined();
    const found = new Matcher(terms).find('Akumar Ramesh spoke to the Aircraft Accident Investigation Bureau; the AAIB thanked Ramesh.');
    expect(found.map((m) => [m.text, m.termId])).toEqual([
      ['Akumar Ramesh', 'a-kumar-ramesh'],
      ['Aircraft Accident Investigation Bureau', 'aircraft-accident-investigation-bureau'],
      ['AAIB', 'aircraft-accident-investigation-bureau'],
      ['Ramesh', 'a-kumar-ramesh'],
    ]);
    expect(terms.find((t) => t.id === 'a-kumar-ramesh')?.kind).toBe('person');
  });
});

describe('short lines: captions, credits, related links (lineNames, toReport headings)', () => {
  it('takes names from a credit or caption line, not a heading’s everyday capitals', () => {
    const got = lineNames(['Credit Harry Campbell', 'Facebook', 'Read more Hollywood Salaries Revealed, From Movie Stars to Agents', 'Favorite Films'], new Set(['harry'])).map((n) => n.name);
    expect(got).toEqual(expect.arrayContaining(['Harry Campbell', 'Facebook']));
    for (const junk of ['Movie Stars', 'Agents', 'Favorite Films', 'Hollywood Salaries Revealed', 'Salaries Revealed']) expect(got).not.toContain(junk);
  });

  it('reads a line of names alone, though it looks like Title Case ("Sandvika Tidende Kronikk, Reuters")', () => {
    expect(lineNames(['Sandvika Tidende Kronikk, Reuters'], new Set()).map((n) => n.name)).toEqual(['Sandvika Tidende Kronikk', 'Reuters']);
    expect(lineNames(['Harbour Workers Return Home'], new Set())).toEqual([]);
  });
  it('reads a short all-capitalised line of everyday words as a heading', () => {
    expect(names('Paramount Moves Forward')).toEqual([]);
    expect(names('Movie Stars')).toEqual([]);
  });
  it('a name only a credit line gives is in the dictionary', () => {
    const body = 'Yahoo will sell its business to Verizon for billions of dollars, the company said on Monday in a statement.';
    const r = toReport({ id: 'r1', origin: 'user', text: `Yahoo sells to Verizon\n${body}\nPhoto\nCredit Harry Campbell\n${body}` });
    expect(r.headings).toContain('Credit Harry Campbell');
    expect(r.text).not.toContain('Harry Campbell');
    expect(buildIndex([r]).terms.map((t) => t.label)).toContain('Harry Campbell');
  });
});

describe('a name before a lower-case institution or place word', () => {
  it('is named with that word, unless it is a person or a known place', () => {
    expect(names('She was taken to Royal Shrewsbury hospital on 12 April.')).toContain('Royal Shrewsbury hospital');
    expect(names('Ten pygmy whales died on Ninety Mile beach this week.')).toContain('Ninety Mile beach');
    expect(names('The New York police said nothing.')).toContain('New York');
    expect(names('He met Boris Johnson police chiefs.')).toContain('Boris Johnson');
  });
});

describe('a possessive inside a name', () => {
  it('is kept before an institution’s or place’s word, not after a place', () => {
    expect(names('A paid membership like at Costco or Sam’s Club.')).toContain('Sam’s Club');
    expect(names('He said Russia\'s Army was ready.')).toContain('Russia');
    expect(names('He said Russia\'s Army was ready.')).not.toContain("Russia's Army");
  });
});

describe('an everyday word as a name', () => {
  it('is a name where the text capitalises it after a comma inside a sentence, and never writes it in lower case', () => {
    expect(names('I placed Messages to my right, Safari in the middle of the room.')).toContain('Safari');
    expect(names('We went on a safari in Kenya. Safari tours are popular.')).not.toContain('Safari');
  });
});

describe('a hyphenated name', () => {
  it('keeps a short syllable’s hyphenated part ("Kim Il-sung"), drops a common word after a name ("Pakistan-based")', () => {
    expect(names('He visited a statue of Kim Il-sung in the capital.')).toContain('Kim Il-sung');
    expect(names('A Pakistan-based developer and a UN-backed plan.')).toEqual(expect.arrayContaining(['Pakistan', 'UN']));
  });
});

describe('a company’s legal suffix', () => {
  it('ends its name and is dropped ("Business Insider Inc Nintendo/Apple")', () => {
    expect(names('© Provided by Business Insider Inc Nintendo/Apple Nintendo and Apple shocked the world.')).toEqual(expect.arrayContaining(['Business Insider', 'Nintendo']));
    expect(names('Shares of Acme Widgets Ltd. rose.')).toContain('Acme Widgets');
  });
});

describe('an office before a title', () => {
  it('is the title’s, not the name’s ("District Attorney", "Defence Minister", "Press Secretary")', () => {
    expect(names('The plan was praised in a long speech by Elling District Attorney Ola Rask, who said it would work.')).toEqual(['Elling', 'Ola Rask']);
    expect(names('On Monday morning the new plan was praised by Elling Defence Minister Ola Rask, who said it would work.')).toEqual(['Elling', 'Ola Rask']);
    expect(names('Then the mayor of Elling met the Harbour Board Press Secretary, who said nothing at all.')).toEqual(['Elling', 'Harbour Board']);
    expect(names('The case was heard at Elling District Court on a rainy day in the spring.')).toEqual(['Elling District Court']);
    expect(names('Later that year she won a Rask Award for Best Director in Elling, where the show was held.')).toEqual(['Rask Award', 'Elling']);
    expect(names('The Bank of Elling Governor Ola Rask spoke on Monday about the long winter.')).toEqual(['Bank of Elling', 'Ola Rask']);
  });
  it('… also in a name the tagger found ("Pentagon Press Secretary" → Pentagon)', () => {
    const rt = extractReportTerms('"It is a loss to the rebels," Pentagon Press Secretary Rear Admiral Ola Rask said.');
    const forms = rt.entities.flatMap((e) => e.forms.map(([f]) => f));
    expect(forms.some((f) => /Press$/.test(f))).toBe(false);
    expect(forms).toContain('Ola Rask');
  });
});

describe('a surname with a particle', () => {
  it('keeps the particle: "Ola de Rask" is also "de Rask", never "Ola Rask"', () => {
    const texts = ['Mayor Ola de Rask said on Monday that the town would change its rules for the harbour.', 'The plan was backed by de Rask, aides said, and the harbour board agreed with de Rask.'];
    const person = extractTerms(texts).find((t) => t.kind === 'person')!;
    expect(person.label).toBe('Ola de Rask');
    expect(person.aliases).toContain('de Rask');
    expect(person.aliases).not.toContain('Ola Rask');
    const marks = new Matcher(extractTerms(texts), { fuzzy: true }).find(texts[1]!).map((m) => m.text);
    expect(marks).toEqual(['de Rask', 'de Rask']);
  });
});

describe('sentences a page ran together', () => {
  it('end at a full stop between a lower-case letter and a capitalised word, so a run-in headline is read as one', () => {
    expect(names('It was unclear whether the rebel leader of the group had died.Airstrike in Elling by Harbour Forces Targets Rebel Leader')).toEqual([]);
    expect(names('The boat left Elling at dawn.It reached the harbour by noon, the U.S. Navy said.')).toEqual(['Elling', 'U.S. Navy']);
  });
});

describe('two names side by side', () => {
  it('are two terms when the corpus names each alone ("Apple MacBook Air"), not an everyday word after a name or a demonym before one', () => {
    const terms = extractTerms([
      'Shoppers can buy the Rask Fjordbook Pro at shops in Elling, Rask said on Monday. The Fjordbook Pro is thin.',
      'Which is better: the Rask Fjordbook Pro or the Tolla Slate? Critics at Rask Post and the Elling Times were split.',
      'Norwegian Institute of Harbour Studies experts praised the Tolla Slate from Tolla. The Norwegian Institute of Harbour Studies is in Elling.',
    ]).map((t) => t.label);
    expect(terms).toEqual(expect.arrayContaining(['Rask', 'Fjordbook Pro', 'Tolla Slate', 'Elling Times', 'Norwegian Institute of Harbour Studies']));
    expect(terms).not.toContain('Rask Fjordbook Pro');
  });

  it('… and a known country’s abbreviation before a name of the corpus is the country ("U.S. Harbour Department")', () => {
    const terms = extractTerms([
      'The U.S. Harbour Department said on Monday that ships in Elling would wait, officials in the United States said.',
      'The Harbour Department in Elling gave no reason for the delay, aides said on Monday.',
    ]).map((t) => t.label);
    expect(terms).toEqual(expect.arrayContaining(['Harbour Department', 'United States']));
    expect(terms).not.toContain('U.S. Harbour Department');
  });
});

describe('a report in another language', () => {
  const french =
    'Les députés de la commission ont voté mardi soir le projet de loi sur la pêche côtière. Dans le port de Brest, Marie Kerlann a dit que la réforme ' +
    'arrivait trop tard pour les petits bateaux. Parmi les élus, plusieurs ont demandé une étude du Conseil régional avant le vote solennel.';
  it('gives names by capitals and its people, no key phrases and no sentence-opening words', () => {
    const rt = extractReportTerms(french);
    const forms = rt.entities.flatMap((e) => e.forms.map(([f]) => f));
    expect(forms).toEqual(expect.arrayContaining(['Brest', 'Marie Kerlann']));
    for (const w of ['Les', 'Dans', 'Parmi']) expect(forms).not.toContain(w);
    expect(rt.phrases).toEqual([]);
  });
  it('is told from English by its function words (no language model for English prose)', () => {
    expect(isEnglishPiece(french)).toBe(false);
    expect(isEnglishPiece('The mayor of Elling said on Monday that the harbour would close for a week while engineers checked the old sea wall, which was damaged in a storm.')).toBe(true);
  });
});

describe('a quoted Title Case title', () => {
  it('keeps its small words ("The Girl with the Dragon Tattoo"), not an "and" between two names', () => {
    expect(names('The studio had trouble after the flop of "The Tower of the Grey Gulls" last summer, critics in Elling said.')).toEqual(['Tower of the Grey Gulls', 'Elling']);
    expect(names('The browser’s name is a blend of "Rask and Tolla" in the old code, she said.')).toEqual(['Rask', 'Tolla']);
  });
  it('… and so does a title after "called", "titled" or "dubbed"', () => {
    expect(names('Footage from a film called Mending the Nets of the Coast, showing the harbour in Elling, aired on Monday.')).toEqual(['Mending the Nets of the Coast', 'Elling']);
  });
});

describe('a tagger’s name found only in Title Case lines', () => {
  it('is no name: capitals say nothing there', () => {
    // (the tagger takes "First Cook" for a person's name here)
    const text = 'The harbour in Elling was shut on Monday after a storm, officials said.\nSEE ALSO: Here’s The Lavish Dinner That Won Over Tolla’s First Workers And Persuaded Them To Hire Their First Cook';
    expect(onlyInHeadlines(text)('First Cook')).toBe(true);
    expect(onlyInHeadlines(text)('Elling')).toBe(false);
    const forms = extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => f));
    expect(forms).not.toContain('First Cook');
    expect(forms).toContain('Elling');
  });
});

describe('initials and offices around names', () => {
  it('keeps a firm named with initials whole, across the full stops ("D.A. Davidson")', () => {
    const terms = extractTerms(['Analysts at the K.J. Harrow brokerage, who follow the grocer closely, expect more stores. Jan Olsen of K.J. Harrow agreed.']);
    expect(terms.map((t) => t.label)).toContain('K.J. Harrow');
    const { terms: dict } = buildIndex([toReport({ id: 'a', origin: 'user', text: 'A director at the K.J. Harrow brokerage said the grocer was growing.' })]);
    expect(dict.map((t) => t.label)).toContain('K.J. Harrow');
  });
  it('takes the office and its title off a tagged name, and marks the place before them ("Brooklyn District Attorney X")', () => {
    const text = 'Some lawyers were unhappy with the change. Brooklyn District Attorney Kari Nes, who took office this year, said she would not prosecute.';
    const rt = extractReportTerms(text);
    expect(rt.entities.flatMap((e) => e.forms.map(([f]) => f))).not.toContain('Brooklyn District Attorney');
    const { terms } = buildIndex([toReport({ id: 'a', origin: 'user', text })]);
    expect(terms.map((t) => t.label)).toContain('Brooklyn');
    expect(new Matcher(terms).find('On Monday Brooklyn District Attorney Kari Nes spoke.').map((m) => m.text)).toEqual(['Brooklyn', 'Kari Nes']);
  });
});

describe('the first half of a title alone', () => {
  it('is a name where no title follows ("Prime membership"), a title before one ("Prime Minister X")', () => {
    expect(names('The grocer will push its Prime membership program. In the stores, Prime works as a discount club.')).toEqual(['Prime', 'Prime']);
    expect(names('He met the Prime Minister of Elling, Jan Olsen, on Monday.')).not.toContain('Prime');
    const labels = extractTerms(['The grocer will push its Prime membership program. In the stores, Prime works as a discount club, the chain said.']).map((t) => t.label);
    expect(labels).toContain('Prime');
    expect(labels.some((l) => l.includes(','))).toBe(false);
  });
  it('cuts a tagged name at a comma ("of Prime, Amazon\'s")', () => {
    expect(cleanName('Prime, Amazon’s')).toBe('Prime');
  });
});

describe('words that only open sentences', () => {
  it('takes no rarer word for a name where it is capitalised only at a sentence start and written in lower case elsewhere', () => {
    expect(names('Counterterrorism officials met in Elling. They said counterterrorism work goes on.')).toEqual(['Elling']);
    expect(names('Staff moved into the new HQ off Elling Square last week.')).toEqual(['Elling Square']);
  });
});

describe('names beside legal suffixes and in lines of names', () => {
  it('marks a company named before its legal suffix ("Harlow Insider Inc")', () => {
    const text = 'Provided by Harlow Insider Inc. The game maker surprised the world this year, Harlow Insider reported.';
    const { terms } = buildIndex([toReport({ id: 'a', origin: 'user', text })]);
    expect(terms.map((t) => t.label)).toContain('Harlow Insider');
    expect(new Matcher(terms).find('A photo by Harlow Insider Inc shows the phone.').map((m) => m.text)).toEqual(['Harlow Insider']);
  });
  it('reads an agency named with a place and a foreign institution word in a line of names ("Agence France Presse, Reuters")', () => {
    expect(lineNames(['Agence France Presse, Reuters'], new Set()).map((n) => n.name)).toEqual(['Agence France Presse', 'Reuters']);
    expect(lineNames(['Read more: Movie Stars to Agents'], new Set())).toEqual([]);
  });
});

describe('a title before a name', () => {
  const kinds = (texts: string[]) => extractTerms(texts).map((t) => `${t.kind}:${t.label}`);
  it('is no person: "Captain Solberg" is the person Solberg', () => {
    const got = kinds(['Captain Solberg said the plane was fine. Later Captain Solberg told reporters he had no warning.', 'Captain Solberg landed safely, officials said.']);
    expect(got).toContain('person:Solberg');
    expect(got.some((k) => /captain/i.test(k))).toBe(false);
    expect(extractTerms(['Prayers were said by the Archbishop in Canterbury.', 'Crowds met the Archbishop in Canterbury again.']).map((t) => t.label)).toEqual(['Canterbury']);
  });
  it('is the institution’s word before an institution’s word ("General Assembly")', () => {
    expect(names('The resolution went to the General Assembly on Friday.')).toEqual(['General Assembly']);
    expect(names('It was confirmed by General Mark Milley on Friday.')).toEqual(['Mark Milley']);
  });
});

describe('name connectors', () => {
  it('keeps "van der", "de la" inside one name', () => {
    expect(names('The goal came from Rafael van der Vaart on Sunday.')).toEqual(['Rafael van der Vaart']);
    const terms = extractTerms(['Rafael van der Vaart scored twice on Sunday, his coach said. Rafael van der Vaart was substituted later.', 'Rafael van der Vaart was substituted later, the club said.']);
    expect(terms.map((t) => `${t.kind}:${t.label}`)).toEqual(['person:Rafael van der Vaart']);
    expect(new Matcher(terms).find('Van der Vaart left; Vaart was tired.').map((m) => m.termId)).toEqual(['rafael-van-der-vaart', 'rafael-van-der-vaart']);
  });
});

describe('a model number inside a name', () => {
  it('keeps letters, a hyphenated number and the capitalised word after it one name', () => {
    expect(names('The Boeing 787-8 Dreamliner landed in Delhi on Friday.')).toEqual(['Boeing 787-8 Dreamliner', 'Delhi']);
    expect(names('It flew a Boeing 737-800 to Oslo.')).toEqual(['Boeing 737-800', 'Oslo']);
    const terms = extractTerms(['The Boeing 787-8 Dreamliner landed in Delhi. A Boeing 787-8 Dreamliner has two engines.', 'Investigators examined the Boeing 787-8 Dreamliner wreck.']);
    expect(new Matcher(terms).find('A Boeing 787-8 Dreamliner crashed.').map((m) => m.text)).toEqual(['Boeing 787-8 Dreamliner']);
  });
});

describe('a flight number', () => {
  it('is one term however it is spaced, and its letters alone are no name', () => {
    const terms = extractTerms(['Flight QK482 left at noon. QK482 carried 200 people.', 'The QK 482 was delayed. Passengers on QK-482 were told to wait.']);
    expect(terms.map((t) => t.label)).toEqual(['QK 482']);
    const found = new Matcher(terms).find('QK482, QK 482 and QK-482 are one flight.');
    expect(found.map((m) => m.text)).toEqual(['QK482', 'QK 482', 'QK-482']);
    expect(new Set(found.map((m) => m.termId)).size).toBe(1);
  });
});

describe('time zones', () => {
  it('are never names, as abbreviations or written out', () => {
    expect(names('The blast happened at 9 GMT in Oslo, or 4 a.m. Eastern Time, and at 3 BST.')).toEqual(['Oslo']);
    expect(names('The launch is at noon British Summer Time near Leeds.')).toEqual(['Leeds']);
    const terms = extractTerms(['The blast happened at 9 GMT on Friday. Officials spoke at 10 a.m. Eastern Time and again at 3 BST.', 'By 5 EST the fire was out. At 4 p.m. Eastern Time, police left.']);
    expect(terms).toEqual([]);
  });
});

describe('"State" in a name', () => {
  it('is a movement after an adjective of a creed, a territory after a place', () => {
    const kinds = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => `${n.kind}:${n.name}`);
    expect(kinds('Fighters loyal to Islamic State fled.')).toEqual(['organization:Islamic State']);
    expect(kinds('Farmers in Washington State and Rivers State agreed.')).toEqual(['place:Washington State', 'place:Rivers State']);
  });
});

describe('British and American compounds', () => {
  it('"air defence" is the English compound "air defense", one term for both spellings', () => {
    const terms = extractTerms(['Russia said its air defence shot down drones. The air defence was on alert all night.', 'Ukraine asked its allies for more help on Sunday.']);
    expect(terms.find((t) => t.label === 'air defence')?.kind).toBe('topic');
    expect(new Matcher(terms).find('Air defense units and air defences were moved.').map((m) => m.termId)).toEqual(['air-defence', 'air-defence']);
  });
});

describe('topics the tagger splits', () => {
  it('"chief of staff": an English compound with "of" inside', () => {
    const terms = extractTerms(['Trump named a new chief of staff on Monday. The chief of staff will start soon.', 'The chief of staff met Putin in Moscow.']);
    expect(terms.find((t) => t.label === 'chief of staff')?.kind).toBe('topic');
    expect(new Matcher(terms).find('His chief of staff said no.').map((m) => m.text)).toEqual(['chief of staff']);
  });
  it('"attempted murder": a past participle read as a verb before a noun', () => {
    const terms = extractTerms(['He was charged with attempted murder after the attack in Leeds.', 'The man denied attempted murder in court in Leeds.']);
    expect(terms.find((t) => t.label === 'attempted murder')?.kind).toBe('topic');
    // (a verb with its object is none: "police arrested suspects")
    expect(extractTerms(['Police arrested suspects in Leeds.', 'Police arrested suspects in York.']).map((t) => t.kind)).not.toContain('topic');
  });
});

describe('French elision', () => {
  it('cuts an elided article off the name after it ("l\'UMP" → UMP), not a name\'s own D\'', () => {
    const french = (text: string) => capitalisedNames(text, new Map(), new Set(), true).map((n) => n.name);
    expect(french("Le président de l'UMP a parlé hier soir. Les militants de l'UMP et de l'Assemblée ont voté.")).toEqual(['UMP', 'UMP', 'Assemblée']);
    expect(names("The film starred Vincent D'Onofrio in Paris.")).toEqual(["Vincent D'Onofrio", 'Paris']);
    const text =
      "Le président de l'UMP a parlé hier soir devant les militants. Selon l'UMP, la loi sur le travail doit changer avant l'été, et les députés de l'UMP voteront contre le texte du gouvernement. " +
      "La direction de l'UMP refuse de commenter les chiffres publiés par le ministère.";
    expect(extractTerms([text, text.replace('hier soir', 'ce matin')]).map((t) => t.label)).toContain('UMP');
  });
});

describe('calendar days', () => {
  it('are never names, plural, possessive or abbreviated; a newspaper named after a day is one', () => {
    const labels = extractTerms([
      "On Monday's vote the Senate split. Mondays are slow. The June 5th deadline passed; on 5 June 2014 it ended.",
      'The Sunday Times said Wed. was busy; Sept. 11 is remembered. Monday, June 5, was quiet. On Thurs. the Senate met.',
    ]).map((t) => t.label);
    expect(labels).toEqual(['Senate', 'Sunday Times']);
  });
  it('nor are holidays', () => {
    expect(names('Sales rose at Christmas and over New Year in Leeds, and fell after Easter Monday.')).toEqual(['Leeds']);
  });
});

describe('a fragment of a longer name', () => {
  it('is no term where the text never writes it alone ("College London", "University College")', () => {
    const labels = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => f));
    expect(labels('University College London researchers found the gene. The study was published on Monday.')).toEqual(['University College London']);
    expect(labels('Researchers at University College London found it. Critics in London were not surprised.')).toEqual(expect.arrayContaining(['University College London', 'London']));
  });
});

describe('a single everyday word', () => {
  it('is no term, though texts capitalise it ("People", "News"); a rarer one is ("Pentagon")', () => {
    const labels = extractTerms(['She told People on Monday that the Pentagon was wrong.', 'A source told People and News that the Pentagon had lied.']).map((t) => t.label);
    expect(labels).toEqual(['Pentagon']);
    // (shouted beside it too)
    expect(extractTerms(['She told People on Monday that the Pentagon was wrong.', 'A source told PEOPLE that the Pentagon had lied.']).map((t) => t.label)).toEqual(['Pentagon']);
  });
});

describe('a day that opens a name', () => {
  it('is the name\'s before an institution\'s word or two capitalised words ("Monday Night Football"), a date after a preposition', () => {
    expect(names('Fans of Monday Night Football and readers of the Sunday Times were told.')).toEqual(['Monday Night Football', 'Sunday Times']);
    expect(names('Since Tuesday President Obama has said little.')).toEqual(['Obama']);
  });
});

describe('a people', () => {
  it('is named for its place ("Kenyans", "Somalis"), never an organisation; a demonym alone is no name', () => {
    const kinds = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => `${n.kind}:${n.name}`);
    expect(kinds('Kenyans and Somalis in Nairobi met a Kenyan official.')).toEqual(['place:Kenyans', 'place:Somalis', 'place:Nairobi']);
    const terms = extractTerms(['Somalis in Nairobi protested, police said.', 'Police in Nairobi said Somalis had gathered.']);
    expect(terms.find((t) => t.label === 'Somalis')?.kind).toBe('place');
  });
});

describe('a state\'s or district\'s letters after a place', () => {
  it('are part of the address ("Washington, DC"), no name; an acronym in a list of names is one', () => {
    const labels = extractTerms(['It is legal in 23 states and in Washington, DC. Police in Austin, TX agreed.', 'Lawmakers in Washington, DC voted again.']).map((t) => t.label);
    expect(labels).not.toContain('DC');
    expect(labels).not.toContain('TX');
    expect(labels).toContain('Washington');
    expect(extractTerms(['Google, IBM and Dell said so.', 'IBM denied it.']).map((t) => t.label)).toContain('IBM');
  });
});

describe('an acronym before a person\'s name', () => {
  it('is the party or employer, not part of the name ("l\'UMP Laure de la Raudière")', () => {
    const french = (tagged: [string, 'person'][]) => capitalisedNames("Parmi eux, l'UMP Laure de la Raudière a voté contre.", new Map(tagged), new Set(), true).map((n) => n.name);
    expect(french([['Laure de la Raudière', 'person']])).toEqual(['UMP', 'Laure de la Raudière']);
    // (without the tagger's person, one name)
    expect(french([])).toEqual(['UMP Laure de la Raudière']);
  });
});

describe('an English compound named once', () => {
  it('is a topic where the report keeps writing one of its words ("pilot whales" among whales), not after a generic modifier', () => {
    const text =
      'More than 50 pilot whales stranded on a beach on Sunday. Volunteers kept the whales wet. Most of the whales were refloated, and the whales swam away. ' +
      'Sales rose in the first quarter, the report said of the quarter, and each quarter before.';
    const topics = extractTerms([text]).filter((t) => t.kind === 'topic').map((t) => t.label);
    expect(topics).toContain('pilot whales');
    expect(topics).not.toContain('first quarter');
  });
});

describe('names news writes every day', () => {
  const labels = (text: string) => extractTerms([text, text]).map((t) => `${t.kind}:${t.label}`);
  it('keeps an ampersand inside a firm\'s name and a state\'s formal name whole ("Johnson & Johnson", "Democratic Republic of Congo")', () => {
    expect(labels('Shares of Johnson & Johnson rose. Officials from the Democratic Republic of Congo met in Addis Ababa.')).toEqual(
      expect.arrayContaining(['organization:Johnson & Johnson', 'place:Democratic Republic of Congo']),
    );
  });
  it('takes a hyphenated title for a title ("Secretary-General Antonio Guterres"), and a known place for a place where a sentence opens with it ("Los Angeles")', () => {
    const got = labels('Secretary-General Antonio Guterres said the talks would resume. Los Angeles Mayor Eric Garcetti agreed.');
    expect(got).toEqual(expect.arrayContaining(['person:Antonio Guterres', 'person:Eric Garcetti', 'place:Los Angeles']));
    expect(got.some((k) => /Secretary/.test(k))).toBe(false);
  });
  it('opens a sentence with a name the text writes capitalised inside sentences too ("Super Bowl"), not with an everyday word', () => {
    expect(names('Super Bowl XLIX drew record ratings. Fans watched the Super Bowl XLIX at home. Senior Pentagon officials spoke.')).toEqual(['Super Bowl XLIX', 'Super Bowl XLIX']);
  });
  it('joins "of" after an institution\'s plural word ("National Institutes of Health"); a place\'s possessive is the place\'s', () => {
    const got = labels("Dr. Anthony Fauci of the National Institutes of Health spoke. Brazil's National Institute for Space Research agreed.");
    expect(got).toEqual(expect.arrayContaining(['organization:National Institutes of Health', 'organization:National Institute for Space Research', 'place:Brazil']));
    expect(got.some((k) => /Brazil National/.test(k))).toBe(false);
  });
  it('drops a person\'s name the tagger cut from a longer one ("George W", "Kim Jong"), and keeps an acronym in capitals ("CNN")', () => {
    const got = labels('Former President George W. Bush spoke to CNN on Friday. Kim Jong-un did not attend, CNN said.');
    expect(got).toEqual(expect.arrayContaining(['person:George W. Bush', 'person:Kim Jong-un', 'organization:CNN']));
    expect(got).not.toContain('person:George W');
    expect(got).not.toContain('person:Kim Jong');
  });
});

describe('topics where a sentence opens', () => {
  it('an English compound is one though the tagger reads its first word as an order ("Interest rates rose"); a verb\'s past is no head ("rate rose")', () => {
    const topics = extractTerms(['The bank kept interest rates unchanged. Critics said tax cuts would not help, and the unemployment rate rose.', 'Interest rates stayed low. Tax cuts passed. The unemployment rate rose again.'])
      .filter((t) => t.kind === 'topic')
      .map((t) => t.label);
    expect(topics).toEqual(expect.arrayContaining(['interest rates', 'tax cuts', 'unemployment rate']));
    expect(topics.some((t) => /rose/.test(t))).toBe(false);
  });
});

describe('datelines and credits', () => {
  it('write a shouted place as a name ("NEW YORK (Reuters)"), take a state\'s abbreviation after a place for the address ("Calif."), and a credit\'s photographer for the person', () => {
    const a = 'NEW YORK (Reuters) - Stocks fell. SAN FRANCISCO, Calif. - Twitter said its revenue rose. (AP Photo/Evan Vucci) Photo: Getty Images.';
    const labels = extractTerms([a, 'Stocks in New York rose. Twitter said San Francisco offices would close.']).map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['New York', 'San Francisco', 'Twitter', 'Reuters']));
    expect(labels).not.toContain('NEW YORK');
    expect(labels.some((l) => /Calif|Photo/.test(l))).toBe(false);
  });
});

describe('a sentence that opens with a name', () => {
  it('opens with one everyday word before a speech verb ("Apple said", "Shell and BP said"), not with a plural, a group or a kind of person', () => {
    expect(names('Apple said sales rose. Shell and BP said prices would fall. Officials said nothing. Police said it was calm. Mother said no.')).toEqual(['Apple', 'Shell', 'BP']);
    expect(names('General Motors recalled cars, and General Electric cut jobs.')).toEqual(['General Motors', 'General Electric']);
  });
});

describe('a capitalised everyday word that is no name', () => {
  it('an interjection ("Ahh,") or the first word of an English compound ("the Web site", "Apple pie") is none; the same word alone is', () => {
    expect(names('Ahh, if only Yahoo had bought it. Fans on the Web site SkyscraperCity.com laughed. He ate Apple pie at the Apple store in Boston.')).toEqual(['Yahoo', 'SkyscraperCity', 'Apple', 'Boston']);
    expect(extractTerms(['Fans on the Web site laughed, the Times said.', 'Readers of the Web site wrote to the Times.']).map((t) => t.label)).not.toContain('Web');
  });
});

describe('names kept whole or cut where news runs words together (terms8)', () => {
  const forms = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => `${e.kind}:${f}`));
  it('joins "vs"/"v" between two names ("Duck Vs. Goose", "Lions v Tigers")', () => {
    expect(names('Fans queued for the play Duck Vs. Goose in Leeds last week.')).toContain('Duck Vs. Goose');
    expect(names('The final of Lions v Tigers drew a crowd.')).toContain('Lions v Tigers');
  });
  it('joins "and" before a run of names that ends in an institution\'s or a law\'s word, not before one word', () => {
    expect(names('A ruling by the Fish and Wildlife Service came late.')).toContain('Fish and Wildlife Service');
    expect(names('The owner was charged under the Pet Care and Welfare Act on Monday.')).toContain('Pet Care and Welfare Act');
    expect(names('She told Tribune and Herald reporters nothing.')).not.toContain('Tribune and Herald');
    expect(names('Both Sarah and Tom Brady came to town.')).not.toContain('Sarah and Tom Brady');
  });
  it('keeps a model\'s letter after its name ("Zorin Pad S", "Rover Model X"), not the pronoun "I"', () => {
    expect(names('Reviewers compared the Zorin Pad S, the Rover Model X and two others.')).toEqual(expect.arrayContaining(['Zorin Pad S', 'Rover Model X']));
    expect(names('In Leeds I met them.')).toEqual(['Leeds']);
  });
  it('cuts an amount run into the next word ("$450Zorin") and takes "Senior" before a title for the title\'s', () => {
    expect(names('The tablet costs $450Zorin said on its blog.')).not.toContain('450Zorin');
    const got = forms('The view did not fit with Zorin Senior Vice President of Sales Maren Ekdahl, who spoke on Monday. Ekdahl said more.');
    expect(got.some((f) => /Zorin Senior|Sales Maren/.test(f))).toBe(false);
    expect(got).toContain('person:Maren Ekdahl');
  });
  it('reads a quoted nickname between a given name and a surname after the full name', () => {
    const got = forms('Walter "Big Wally" Brandt of the Harbour Boys died on Tuesday. Walter Brandt was 61. Brandt sang with them for years.');
    expect(got).toContain('person:Walter Brandt');
    expect(got.some((f) => /:Walter$|Walter Big/.test(f))).toBe(false);
  });
  it('takes a person\'s form after a people\'s name for that person ("Danish Maren Ekdahl" → Maren Ekdahl)', () => {
    const got = forms('The Danish Maren Ekdahl won the race. Maren Ekdahl said she trained for years, and Ekdahl thanked her coach.');
    expect(got).not.toContain('person:Danish Maren Ekdahl');
  });
  it('gives no key phrase that ends in an adverb or an adjective ("complications due", "animal online"), nor a plural and its -ing verb', () => {
    const phrases = (text: string) => extractReportTerms(text).phrases.flatMap((p) => p.forms.map(([f]) => f));
    const got = phrases('He died of kidney complications due to cancer. The owner sold the garden gnome online. Many gnome collectors writing letters asked for more gnome catalogues.');
    expect(got).not.toEqual(expect.arrayContaining(['complications due']));
    expect(got.some((f) => /online$|collectors writing/.test(f))).toBe(false);
  });
});

describe('a newspaper, a caption and a quality (terms8)', () => {
  it('takes an institution\'s word that ends like a demonym for a name ("told the Guardian"), a demonym still for none', () => {
    expect(names('A spokesman told the Guardian that the kennel was full.')).toEqual(['Guardian']);
    expect(names('A spokesman told a Canadian paper that the kennel was full.')).toEqual([]);
  });
  it('cuts a tagged name at a layout\'s gap of spaces ("Maren Ekdahl   Tired:")', () => {
    expect(cleanName('Maren Ekdahl   Tired')).toBe('Maren Ekdahl');
  });
  it('takes a quality before a frequent noun for no topic ("initial reports"), one before a rarer noun for one ("faulty pump")', () => {
    const labels = extractTerms([
      'Initial reports said the quarry flooded. The quarry owner denied the initial reports and blamed a faulty pump.',
      'Initial reports of the flooded quarry spread. A faulty pump was later found at the quarry.',
    ]).map((t) => t.label);
    expect(labels).toContain('faulty pump');
    expect(labels).not.toContain('initial reports');
    expect(isQualityPhrase('anonymous tipsters')).toBe(false);
    expect(isQualityPhrase('consecutive year')).toBe(true);
});
});

describe('names and topics of any story (terms9)', () => {
  const phrases = (text: string) => extractReportTerms(text).phrases.flatMap((p) => p.forms);
  it('keeps the small words a Title Case title capitalises inside a sentence ("with The Lover In You")', () => {
    expect(names('The band reached the charts with The Night Belongs To Us in 1984.')).toEqual(['Night Belongs To Us']);
    // (a sentence's own first word is no title's: "It" opens a sentence here)
    expect(names('The mayor met Rowan Pike. It rained.')).toEqual(['Rowan Pike']);
  });
  it('reads a nickname with "the" inside after "known as" ("Imp the Dimp"), and only there', () => {
    expect(names('The boxer, known as Tom the Hammer, retired in May.')).toContain('Tom the Hammer');
    expect(names('Near Fernhill the Crowley Lanes opened.')).toEqual(['Fernhill', 'Crowley Lanes']);
  });
  it('names a place\'s police for the place ("the Gotham City police"), a hospital with its word', () => {
    expect(names('Officers of the Fernhill City police arrived. Nurses at the Royal Fernhill hospital waited.')).toEqual(['Fernhill City', 'Royal Fernhill hospital']);
  });
  it('reads a sentence of names that ends in a full stop as prose, not a headline', () => {
    expect(names('Posted DJ Quentin Marlow on Facebook.')).toEqual(['Quentin Marlow', 'Facebook']);
    expect(names('Posted DJ Quentin Marlow On Facebook')).toEqual([]);
  });
  it('calls a website by its name, with the sentence\'s first word when the name runs into its address', () => {
    expect(names('Gadget Rumor Mill.com reported the leak first. Later it spread on Quillfeed.com as well.')).toEqual(['Gadget Rumor Mill', 'Quillfeed']);
  });
  it('takes a faith\'s adjective as a modifier of a key phrase ("Muslim scholars")', () => {
    expect(phrases('Hindu priests blessed the bridge on Sunday. The ceremony was short.')).toContainEqual(['Hindu priests', 1]);
  });
  it('makes a topic of a kind of thing a hyphenated phrase qualifies, named once ("proof-of-concept code")', () => {
    expect(extractTerms(['Engineers released proof-of-concept code on Monday. It spread.']).map((t) => t.label)).toEqual(['proof-of-concept code']);
    expect(extractTerms(['Engineers released new code on Monday. It spread.']).map((t) => t.label)).toEqual([]);
    // (not one that says how long or how old: "a three-day-long strike")
    expect(extractTerms(['Workers began a three-day-long strike on Monday. It spread.']).map((t) => t.label)).toEqual([]);
  });
  it('ends a key phrase before a word the tagger left after its head ("kidney complications due to", "the seals daily")', () => {
    expect(phrases('The actor died from liver failure due to an infection, his agent said.')).toContainEqual(['liver failure', 1]);
    expect(phrases('A walrus rested on the beach. The walrus colony has grown. Tourists photograph the walrus daily.').some(([f]) => f.endsWith('daily'))).toBe(false);
  });
  it('counts a kind of thing named once as named twice where its modifier is a rare word the report keeps writing', () => {
    const text = 'A walrus rested on the beach. The walrus colony has grown, and each walrus eats clams. Tourists photograph the walrus.';
    expect(phrases(text)).toContainEqual(['walrus colony', 2]);
    // (a frequent word the report keeps writing does not make one: "horse")
    expect(phrases('A horse stood in the field. The horse trainer arrived, and each horse ate hay. Tourists photograph the horse.')).toContainEqual(['horse trainer', 1]);
  });
});
