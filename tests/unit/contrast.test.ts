/**
 * Colour contrast of the popover's and the popup's text, light and dark (WCAG 2 ratio; 4.5:1 for
 * text, all of it under 18 px here): computed from the colour tokens in lib/page/popover-style.ts
 * and lib/ui/theme.css, for each pair of text colour and background that the stylesheets put together.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPOVER_CSS } from '../../lib/page/popover-style';

type Tokens = Record<string, string>;

/** The colour tokens (--name: #hex) of each block that defines --bg: the light one, then the dark one. */
function schemes(css: string): { light: Tokens; dark: Tokens } {
  const blocks = [...css.matchAll(/\{([^{}]*--bg:[^{}]*)\}/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((t) => [t[1]!, t[2]!])));
  expect(blocks).toHaveLength(2);
  return { light: blocks[0]!, dark: blocks[1]! };
}

const channel = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(h.slice(i, i + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [text, background] token pairs as the stylesheets use them. */
const POPOVER_PAIRS = [
  ['fg', 'bg'], ['muted', 'bg'], ['fg', 'soft'], ['muted', 'soft'], ['bad', 'bg'], ['ok', 'bg'], ['warn', 'bg'], ['fg', 'hl'],
] as const;
const POPUP_PAIRS = [
  ...POPOVER_PAIRS, ['muted', 'softer'], ['bad', 'bad-bg'], ['ok', 'ok-bg'], ['bad', 'soft'], ['ok', 'soft'], ['bad', 'softer'], ['ok', 'softer'],
  ['fg', 'chip'], ['muted', 'chip'], ['on-focus', 'focus'], ['focus', 'bg'], ['focus', 'soft'], ['focus', 'chip'], ['fg', 'ok-bg'], ['fg', 'bad-bg'],
] as const;

const theme = readFileSync(resolve(import.meta.dirname, '../../lib/ui/theme.css'), 'utf8');

describe('colour contrast of text (WCAG AA, 4.5:1)', () => {
  for (const [name, css, pairs] of [['popover', POPOVER_CSS, POPOVER_PAIRS], ['popup and options', theme, POPUP_PAIRS]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name}, ${scheme}`, () => {
        const t = schemes(css)[scheme];
        const low = pairs.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(t[fg]!, t[bg]!) })).filter((p) => !(p.ratio >= 4.5));
        expect(low).toEqual([]);
      });
    }
  }

  it('the popup and the popover share their colour tokens', () => {
    const popover = schemes(POPOVER_CSS);
    const popup = schemes(theme);
    for (const scheme of ['light', 'dark'] as const) for (const [k, v] of Object.entries(popover[scheme])) expect([k, popup[scheme][k]]).toEqual([k, v]);
  });

  it('the ratio itself: black on white is 21:1, a colour on itself 1:1, #767676 on white just over 4.5:1', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#57606a', '#57606a')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
