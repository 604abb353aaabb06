/**
 * npm run gazetteer: writes lib/evidence/gazetteer.json (place → the place that contains it) from
 * two real sources, city-timezones (GeoNames-derived cities with their country and province) and
 * countries-list (country names and continents). Run when those packages are updated.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { continents, countries } from 'countries-list';
import { placeKey } from '../lib/evidence/places';

const require = createRequire(import.meta.url);
const cities = require('city-timezones/data/cityMap.json') as { city: string; city_ascii: string; pop: number; iso2: string; province: string }[];

/** Source names that are also ordinary capitalised English words in news text. */
const COMMON_WORDS = new Set(
  'central centre center east west north south eastern western northern southern capital union independence bay chin bet bade bo national federal coast river lakes mountain plateau victoria liberty progress valley ocean island islands city district'.split(' '),
);

/** Cities below this population are left out to keep the background bundle small. */
const MIN_POPULATION = 100_000;

const parent: Record<string, string> = {};
const population: Record<string, number> = {};
const countryOf = (iso2: string) => (countries as Record<string, { name: string; continent: string }>)[iso2];
for (const [, c] of Object.entries(countries)) {
  const name = placeKey(c.name);
  parent[name] = placeKey((continents as Record<string, string>)[c.continent]!);
  population[name] = Infinity;
}
for (const c of cities) {
  const country = countryOf(c.iso2);
  if (!country) continue;
  const countryKey = placeKey(country.name);
  // provinces/states are containers too ("Florida", "Kharkiv" oblast), cities only when large
  for (const [name, pop] of [[c.province, Infinity / 2], [c.city.replace(/,.*$/, ''), c.pop], [c.city_ascii, c.pop]] as const) {
    const key = placeKey(name ?? '');
    if (!key || key.length <= 3 || COMMON_WORDS.has(key) || population[key] === Infinity) continue;
    if (pop !== Infinity / 2 && c.pop < MIN_POPULATION) continue;
    if ((population[key] ?? -1) >= pop) continue;
    population[key] = pop;
    parent[key] = countryKey;
  }
}
const sorted = Object.fromEntries(Object.entries(parent).sort(([a], [b]) => a.localeCompare(b)));
const out = new URL('../lib/evidence/gazetteer.json', import.meta.url);
writeFileSync(out, JSON.stringify({ source: 'city-timezones (GeoNames) + countries-list', minPopulation: MIN_POPULATION, parent: sorted }));
console.log(`gazetteer: ${Object.keys(sorted).length} places → ${out.pathname}`);
