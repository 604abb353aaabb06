import { describe, expect, it } from 'vitest';
import { newestOnly } from '../../entrypoints/popup/newest-only';

/** A search whose answers the test releases one at a time. */
function controlled() {
  const asked: string[] = [];
  const pending: { q: string; ok: (v: string) => void; fail: (e: Error) => void }[] = [];
  const ask = (q: string) =>
    new Promise<string>((ok, fail) => {
      asked.push(q);
      pending.push({ q, ok, fail });
    });
  const answer = async () => {
    const p = pending.shift()!;
    p.ok(`hits for ${p.q}`);
    await new Promise((r) => setTimeout(r, 0));
  };
  const refuse = async (message: string) => {
    pending.shift()!.fail(new Error(message));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, ask, answer, refuse };
}

describe('search as you type, one request at a time', () => {
  it('asks at once when nothing is under way', async () => {
    const c = controlled();
    const search = newestOnly(c.ask);
    const got = search('Sy');
    expect(c.asked).toEqual(['Sy']);
    await c.answer();
    expect(await got).toBe('hits for Sy');
  });

  it('asks only the newest of what was typed meanwhile, once the one under way returns', async () => {
    const c = controlled();
    const search = newestOnly(c.ask);
    const first = search('Sy');
    const skipped = [search('Syr'), search('Syri')];
    const last = search('Syria');
    expect(c.asked).toEqual(['Sy']);
    expect(await Promise.all(skipped)).toEqual([undefined, undefined]);
    await c.answer();
    expect(await first).toBe('hits for Sy');
    expect(c.asked).toEqual(['Sy', 'Syria']);
    await c.answer();
    expect(await last).toBe('hits for Syria');
    // idle again: the next search goes at once
    void search('Syrian');
    expect(c.asked).toEqual(['Sy', 'Syria', 'Syrian']);
  });

  it('goes on after a refused search, and hands the refusal to its caller only', async () => {
    const c = controlled();
    const search = newestOnly(c.ask);
    const first = search('Sy');
    const last = search('Syria');
    await c.refuse('the read side is gone');
    await expect(first).rejects.toThrow('the read side is gone');
    expect(c.asked).toEqual(['Sy', 'Syria']);
    await c.answer();
    expect(await last).toBe('hits for Syria');
  });
});
