/** Names any English news writes with words around them that are no part of them (terms14): own sentences, no corpus text. */
import { describe, expect, it } from 'vitest';
import { capitalisedNames, isCalendarDate } from '../../lib/corpus/extract/names';
import { extractReportTerms, leadingQualifierCut } from '../../lib/corpus/terms';

const names = (text: string) => capitalisedNames(text, new Map(), new Set()).map((n) => n.name);
const forms = (text: string) => extractReportTerms(text).entities.flatMap((e) => e.forms.map(([f]) => f));

describe('words around a name that are no part of it', () => {
  it('a birthplace before a name is not the name ("Kuwaiti-born Emwazi"), nor a place of its own', () => {
    expect(leadingQualifierCut('person', 'Glasgow-born Moira Tennant')).toBe('Moira Tennant');
    const got = forms('The Peruvian-born Castellanos opened the gallery. Castellanos said it was a dream.');
    expect(got).not.toContain('Peruvian-born');
    expect(got.some((f) => f.includes('-born'))).toBe(false);
    // (a place and a participle is an adjective: "London-based", "Saudi-led")
    expect(forms('A London-based charity and a Saudi-led coalition met in Geneva.').some((f) => /-(based|led)/.test(f))).toBe(false);
  });
  it('a people before a person\'s full name is not the name ("Britons Alan Henning"), an institution keeps its demonym', () => {
    expect(leadingQualifierCut('person', 'Britons Dora Pellow')).toBe('Dora Pellow');
    expect(leadingQualifierCut('person', 'Kenyans Joseph Otieno')).toBe('Joseph Otieno');
    expect(leadingQualifierCut('organization', 'British Broadcasting Corporation')).toBe('British Broadcasting Corporation');
    const got = forms('Britons Dora Pellow and Fred Amis were freed on Monday. Pellow thanked the British Broadcasting Corporation.');
    expect(got).toContain('Dora Pellow');
    expect(got).not.toContain('Britons Dora Pellow');
    expect(got).toContain('British Broadcasting Corporation');
  });
  it('"for" after a place alone starts no name ("an analyst on Nigeria for Crisis Group"), after an institution\'s word it does', () => {
    expect(names('said Ayo Okafor, an analyst on Ghana for Crisis Group.')).toEqual(expect.arrayContaining(['Ghana', 'Crisis Group']));
    expect(names('said Ayo Okafor, an analyst on Ghana for Crisis Group.')).not.toContain('Ghana for Crisis Group');
    expect(names('A report by the Center for Strategic Studies came out.')).toContain('Center for Strategic Studies');
  });
  it('"and" before "The" joins no two names ("the BBC and The Washington Post")', () => {
    expect(names('It was reported by the BBC and The Harbour Post on Friday.')).not.toContain('BBC and The Harbour Post');
    expect(names('It was approved by the Food and Drug Administration.')).toContain('Food and Drug Administration');
  });
  it('a year before an event\'s name is the event\'s year ("the 2011 PGA Championship"); a model\'s stays ("2014 RC")', () => {
    expect(names('She won the 2011 PGA Championship in Ohio.')).toContain('PGA Championship');
    expect(names('She won the 2011 PGA Championship in Ohio.')).not.toContain('2011 PGA Championship');
    expect(names('It is smaller than the asteroid 2014 RC.')).toContain('2014 RC');
  });
  it('a day named for someone keeps the possessive ("Valentine\'s Day"); a date written with a hyphen is a date ("Feb-26")', () => {
    expect(names('The watch goes on sale before Valentine\'s Day, a retailer said.')).toContain("Valentine's Day");
    expect(isCalendarDate('Feb-26')).toBe(true);
    expect(isCalendarDate('Boeing-737')).toBe(false);
  });
  it('a link\'s code is no name ("L01FrUFKwz"), a model number is ("H5N1", "iPhone6s")', () => {
    expect(names('Read more at http://t.co/Q02ZxUHWpk today. The H5N1 strain spread, as did the iPhone6s.')).toEqual(['H5N1', 'iPhone6s']);
  });
  it('a product\'s name with its kind in lower case is one name ("Hellfire missiles", "the Fire phone")', () => {
    const got = forms('A drone fired two Stormcrow missiles at the car. Stormcrow missiles are made in Ohio. Amazon sells the Fire phone.');
    expect(got).toEqual(expect.arrayContaining(['Stormcrow missiles', 'Fire phone']));
    // (the name alone is a fragment where it never stands without its kind)
    expect(got).not.toContain('Stormcrow');
    // (not a sentence's first word the text never capitalises inside a sentence)
    expect(forms('Smart phones are everywhere. Cheap tablets too.').some((f) => /phones|tablets/.test(f))).toBe(false);
  });
  it('a product\'s name that opens a sentence is one when it is no common English word ("Hellfire missiles hit …")', () => {
    expect(forms('Stormcrow missiles hit the car on Monday, officials said.')).toContain('Stormcrow missiles');
  });
  it('an institution\'s word that ends like a demonym is a name ("the Guardian"), a demonym is not', () => {
    const got = forms('He spoke to the Guardian on Monday. The Guardian ran the story, a Kenyan official said.');
    expect(got).toContain('Guardian');
    expect(got).not.toContain('Kenyan');
  });
  it('Spanish articles inside a name keep it whole ("Diario las Americas")', () => {
    expect(names('It ran in Diario las Americas and in Voz de los Andes on Monday.')).toEqual(expect.arrayContaining(['Diario las Americas', 'Voz de los Andes']));
  });
  it('a one-word possessive before a name of two words or more is not the name ("Manhattan\'s Stuyvesant High School")', () => {
    const got = forms("She is a senior at Brookfield's Larkin High School. Larkin High School is large. He shops at Sam's Club.");
    expect(got).toContain('Larkin High School');
    expect(got.some((f) => f.startsWith("Brookfield's"))).toBe(false);
  });
  it('another language\'s institution written with one capital keeps its lower-case word ("Conseil constitutionnel", "Front de gauche")', () => {
    const foreign = (text: string) => capitalisedNames(text, new Map(), new Set(), true).map((n) => n.name);
    expect(foreign('Le Tribunal suprême a rejeté la plainte. Le Front de libération et le Parti radical ont voté contre.')).toEqual(
      expect.arrayContaining(['Tribunal suprême', 'Front de libération', 'Parti radical']),
    );
    // (not a function word or a verb after it, nor in English text)
    expect(foreign('Le Conseil est réuni à Paris.')).not.toContain('Conseil est');
    expect(names('The Front desk was closed.')).not.toContain('Front desk');
  });
  it('an institution named for a place, then a person\'s name run into it, is two names ("Voice of America Danladi Ahmadu")', () => {
    const got = forms('A spokesman confirmed to Radio of Canada Obinna Eze that the talks had ended.');
    expect(got).toEqual(expect.arrayContaining(['Radio of Canada', 'Obinna Eze']));
    expect(got).not.toContain('Radio of Canada Obinna Eze');
    // (not an everyday word after the place: "University of California Press")
    expect(forms('The book came out with the University of Ohio Press last year.')).toContain('University of Ohio Press');
  });
  it('"and" joins a law\'s name whose place stands in brackets before "Act" ("Animal Health and Welfare (Scotland) Act")', () => {
    expect(names('It is an offence under the Plant Health and Safety (Wales) Act 2010, officers said.')).toContain('Plant Health and Safety');
    expect(names('She sells Tea and Coffee (Kenya) in town.')).not.toContain('Tea and Coffee');
  });
});
