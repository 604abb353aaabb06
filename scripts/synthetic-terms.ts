/**
 * Synthetic dictionaries of a given size for benchmarks and tests: the real corpus terms plus
 * realistic people (given name + surname, surname alias), places, organisations and topic
 * phrases, generated deterministically.
 */
import type { Term, TermKind } from '../lib/corpus/terms';
import { fold } from '../lib/text';

const GIVEN = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah ' +
  'Charles Karen Daniel Nancy Matthew Lisa Anthony Margaret Mark Sandra Paul Ashley Andrew Emily Joshua Michelle Kevin Laura Brian ' +
  'Rebecca Olena Dmytro Sergei Anna Olga Ivan Pierre Marie Hans Ursula Giorgia Pedro Ahmed Fatima Mohammed Leila Hiroshi Yuki Wei ' +
  'Li Raj Priya Kwame Amara Carlos Lucia Jorge Elena Lars Ingrid Tomasz Katarzyna Mehmet Ayse Nikos Eleni Jakub Petra Andrzej Irina'
).split(' ');
const SURNAMES = (
  'Anderson Baker Carter Dawson Ellison Fischer Garcia Harrington Ibrahim Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov ' +
  'Quinlan Romero Schneider Tanaka Ulrich Vasquez Whitaker Xavier Yilmaz Zimmermann Abbott Bennett Castellano Delacroix Eriksen ' +
  'Fontaine Gallagher Hoffmann Iglesias Jovanovic Kaminski Lefebvre Marchetti Novak Oyelaran Papadopoulos Rasmussen Sorensen ' +
  'Thornton Underwood Valentini Weber Yamamoto Zielinski Achterberg Bianchi Chaudhry Dimitrov Esposito Ferreira Grabowski ' +
  'Horvath Ivanova Kovalenko Lombardi Mendoza Nieminen Olsen Pereira Rodrigues Shevchenko Tkachenko Usmanov Voronin Wojcik ' +
  'Bondarenko Melnyk Kravchenko Oliynyk Lysenko Hrytsenko Moroz Savchenko Rudenko Marchenko Kuznetsov Sokolov Popov Lebedev ' +
  'Kozlov Novikov Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov Fedorov Mikhailov ' +
  'Beaumont Chevalier Dubois Fournier Girard Lambert Mercier Rousseau Vincent Blanchard Guerin Boyer Garnier Chevallier Perrin'
).split(' ');
/** Surnames built from common stems and endings, for a dictionary with as many distinct names as a real one. */
const SURNAME_STEMS = 'Ber Kal Mor Dan Hal Ost Pol Ros Tam Vel Wil Zar Bran Cor Dor Fal Gar Hen Jas Kor Lan Mar Nor Pet Quin Rad Sal Tor Var Wes Yar Bel Cal Del Fen Gor Hart Lind Mik Stan'.split(' ');
const SURNAME_ENDINGS = 'enko ski ov ova ic ez son sen berg mann stein ardi elli ini escu opoulos ian yan oglu er ford ton wood ley well'.split(' ');
const ALL_SURNAMES = [...SURNAMES, ...SURNAME_STEMS.flatMap((a) => SURNAME_ENDINGS.map((b) => a + b))];
const PLACE_HEADS = 'Novo Port San Santa Bad Saint New Upper Lower Fort Lake Mount'.split(' ');
const PLACE_ROOTS = (
  'Aldova Berezan Corvila Dunmere Estrava Falkholm Gorodok Havelin Istova Jarnow Kalmora Lindavar Morvane Nareth Ostrava Pellin ' +
  'Quarrow Rostelan Sarnova Tavrik Ulmara Velesk Wexmoor Yarrow Zelvane Ardmore Brightwater Caldera Dravnik Elmsford Frostvik ' +
  'Glenmark Holmgard Ivarsk Juniper Kestrel Lorwick Marsden Northam Oakridge Pinecrest Ravenholt Silverton Thornbury Valemont'
).split(' ');
const PLACE_TAILS = ['', ' City', ' Oblast', ' Province', ' Valley', ' Bay', ' Heights'];
const ORG_TAILS = ['Institute', 'Council', 'Bank', 'Party', 'University', 'Group', 'Foundation', 'Ministry of Energy', 'Agency', 'Times'];
const ADJECTIVES = (
  'nuclear trade energy military diplomatic economic humanitarian regional maritime border fiscal climate migrant grain ' +
  'naval cyber judicial electoral territorial monetary'
).split(' ');
const NOUNS = (
  'talks tariffs sanctions ceasefire corridor reforms agreement summit embargo exports negotiations aid package deal ' +
  'offensive blockade inquiry subsidies reserves treaty'
).split(' ');

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* candidates(): Generator<{ kind: TermKind; label: string; aliases: string[] }> {
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  for (;;) {
    const x = r();
    if (x < 0.5) {
      const surname = pick(ALL_SURNAMES);
      yield { kind: 'person', label: `${pick(GIVEN)} ${surname}`, aliases: [surname] };
    } else if (x < 0.75) {
      const root = pick(PLACE_ROOTS);
      const head = r() < 0.3 ? `${pick(PLACE_HEADS)} ` : '';
      yield { kind: 'place', label: `${head}${root}${pick(PLACE_TAILS)}`, aliases: [] };
    } else if (x < 0.87) {
      const head = r() < 0.5 ? pick(PLACE_ROOTS) : `${pick(GIVEN)} ${pick(ALL_SURNAMES)}`;
      yield { kind: 'organization', label: `${head} ${pick(ORG_TAILS)}`, aliases: [] };
    } else {
      const n = pick(NOUNS);
      const label = r() < 0.4 ? `${pick(ADJECTIVES)} ${pick(ADJECTIVES)} ${n}` : `${pick(ADJECTIVES)} ${n}`;
      yield { kind: 'topic', label, aliases: [] };
    }
  }
}

/** `size` terms: all of `real` first, then generated ones whose label is new. */
export function syntheticTerms(real: Term[], size: number): Term[] {
  const out = real.slice(0, size);
  const seen = new Set(real.flatMap((t) => [t.label, ...t.aliases].map(fold)));
  const gen = candidates();
  for (let n = 0; out.length < size && n < size * 50; n++) {
    const c = gen.next().value as { kind: TermKind; label: string; aliases: string[] };
    const key = fold(c.label);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `synthetic-${out.length}`, ...c });
  }
  return out;
}
