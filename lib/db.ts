/**
 * IndexedDB through Dexie: reports (seed and user-added), the derived term dictionary and the
 * mention index. Schema only (light enough for the popup); writes live in lib/store.ts.
 */
import Dexie, { type Table } from 'dexie';
import type { DictionaryTerm, MentionRef, Report } from './corpus';

export interface MetaRow {
  key: string;
  value: string;
}

export class CrosscheckDB extends Dexie {
  reports!: Table<Report, string>;
  terms!: Table<DictionaryTerm, string>;
  mentions!: Table<MentionRef, [string, string, number]>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'crosscheck') {
    super(name);
    this.version(1).stores({
      reports: 'id, origin, title, source, date',
      terms: 'id, kind, label, *aliases',
      mentions: '[termId+reportId+sentence], termId, reportId',
      meta: 'key',
    });
  }
}

export async function getMeta(db: CrosscheckDB, key: string): Promise<string | undefined> {
  return (await db.meta.get(key))?.value;
}


export interface NewReport {
  text: string;
  title?: string;
  source?: string;
  author?: string;
  date?: string;
  url?: string;
}
