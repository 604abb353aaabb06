// @vitest-environment happy-dom
/** "Check with Crosscheck": which whole sentences a selection stands for (lib/page/selection.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_CLAIM_CHARS, MAX_SELECTED_SENTENCES } from '../../lib/messages';
import { readSelection, selectedSentences } from '../../lib/page/selection';

describe('selectedSentences', () => {
  const para = 'The first sentence is short. The council met on Tuesday to vote on the bridge. It passed by 7 votes to 2.';
  const at = (part: string) => {
    const i = para.indexOf(part);
    return selectedSentences(para.slice(0, i), part, para.slice(i + part.length));
  };

  it('a few words stand for their whole sentence', () => {
    expect(at('met on Tuesday')).toEqual(['The council met on Tuesday to vote on the bridge.']);
  });
  it('a selection over a sentence end takes both sentences, whole', () => {
    expect(at('the bridge. It passed')).toEqual(['The council met on Tuesday to vote on the bridge.', 'It passed by 7 votes to 2.']);
  });
  it('the spaces around a selection do not pull in the next sentence', () => {
    expect(at('The council met on Tuesday to vote on the bridge. ')).toEqual(['The council met on Tuesday to vote on the bridge.']);
    expect(at(' It passed')).toEqual(['It passed by 7 votes to 2.']);
  });
  it('a line break inside the selection (between paragraphs) ends a sentence; source line breaks around it do not', () => {
    expect(selectedSentences('The council\nmet on ', 'Tuesday\nA new paragraph', ' begins here. Not this one.')).toEqual(['The council met on Tuesday', 'A new paragraph begins here.']);
  });
  it('nothing selected, or only spaces: no sentence', () => {
    expect(selectedSentences('a', '', 'b')).toEqual([]);
    expect(selectedSentences('a', ' \n ', 'b')).toEqual([]);
  });
  it('a whole page selected: its first sentences only, each cut at the claim length', () => {
    const page = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something.`).join(' ');
    expect(selectedSentences('', page, '')).toEqual(Array.from({ length: MAX_SELECTED_SENTENCES }, (_, i) => `Sentence number ${i} says something.`));
    const long = `${'word '.repeat(400)}end.`;
    expect(selectedSentences('', long, '')[0]!.length).toBe(MAX_CLAIM_CHARS);
  });
});

describe('readSelection (happy-dom)', () => {
  const select = (from: [Node, number], to: [Node, number]) => {
    const sel = document.getSelection()!;
    const r = document.createRange();
    r.setStart(...from);
    r.setEnd(...to);
    sel.removeAllRanges();
    sel.addRange(r);
  };

  it('reads the whole sentences of a selection inside a paragraph with inline elements', () => {
    document.body.innerHTML = '<p id="p">The first sentence is short. The <b>council</b> met on Tuesday. It passed.</p>';
    const p = document.getElementById('p')!;
    const after = p.childNodes[2]!; // " met on Tuesday. It passed."
    select([after, 1], [after, 8]); // "met on "
    const got = readSelection(document);
    expect(got?.sentences).toEqual(['The council met on Tuesday.']);
    expect(typeof got?.anchor.getBoundingClientRect).toBe('function');
    expect(got?.anchor.contextElement).toBe(p);
  });

  it('a selection that starts at the end of one paragraph and ends at the start of the next takes neither neighbour', () => {
    document.body.innerHTML = '<p id="a">Alpha one. Alpha two.</p><p id="b">Beta one. Beta two.</p><p id="c">Gamma one.</p>';
    const b = document.getElementById('b')!;
    select([b.firstChild!, 0], [document.getElementById('c')!, 0]);
    expect(readSelection(document)?.sentences).toEqual(['Beta one.', 'Beta two.']);
  });

  it('nothing selected: null', () => {
    document.body.innerHTML = '<p>Some text.</p>';
    document.getSelection()!.removeAllRanges();
    expect(readSelection(document)).toBeNull();
  });
});
