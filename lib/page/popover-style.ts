/**
 * The popover's stylesheet, in its own page (popover.html, in an iframe whose size follows the box):
 * light and dark schemes, reduced motion. The frame's document scrolls when the box is taller than it.
 */
export const POPOVER_CSS = `
html, body { margin: 0; padding: 0; background: transparent; }
.cc-popover { --bg: #fff; --fg: #1b1f24; --muted: #57606a; --line: #c9d1db; --soft: #f6f8fa; --ok: #197833; --bad: #cf222e; --warn: #9a6700; --hl: #fff1c2; --focus: #1f5fbf;
  box-sizing: border-box; width: 100%; min-height: 100vh; background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  border-radius: 10px; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left; }
@media (prefers-color-scheme: dark) {
  .cc-popover { --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --line: #444c56; --soft: #262c36; --ok: #3fb950; --bad: #ff7b72; --warn: #d29922; --hl: #4b3a00; --focus: #79b8ff; }
}
@media (prefers-reduced-motion: no-preference) {
  .cc-popover { animation: cc-in 120ms ease-out; }
  @keyframes cc-in { from { opacity: 0; } to { opacity: 1; } }
}
[data-reduce-motion] .cc-popover { animation: none; }
.cc-popover:focus { outline: none; }
.cc-head { display: flex; align-items: baseline; gap: 8px; padding: 10px 12px 6px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--bg); }
.cc-term { font-size: 15px; font-weight: 700; }
.cc-count { color: var(--muted); flex: 1; }
.cc-close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: var(--muted); }
.cc-close:focus-visible, .cc-item:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; border-radius: 4px; }
.cc-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.cc-claim { margin: 8px 12px; color: var(--muted); font-style: italic; }
.cc-group { margin: 6px 0 10px; }
.cc-group h3 { margin: 0 12px 4px; font-size: 11px; letter-spacing: .06em; text-transform: uppercase; }
.cc-group[data-verdict="corroborates"] h3 { color: var(--ok); }
.cc-group[data-verdict="conflicts"] h3 { color: var(--bad); }
.cc-group[data-verdict="related"] h3 { color: var(--muted); }
.cc-group[data-verdict="disputed"] h3 { color: var(--warn); }
.cc-group ul { list-style: none; margin: 0; padding: 0; }
.cc-item { margin: 0 8px 6px; padding: 8px; border-radius: 8px; background: var(--soft); border-left: 3px solid var(--muted); }
.cc-item[data-verdict="corroborates"] { border-left-color: var(--ok); }
.cc-item[data-verdict="conflicts"] { border-left-color: var(--bad); }
.cc-item[data-verdict="disputed"] { border-left-color: var(--warn); }
.cc-title { font-weight: 600; }
.cc-meta { color: var(--muted); font-size: 12px; }
.cc-sentence { margin: 6px 0 4px; padding: 0 0 0 8px; border-left: 2px solid var(--line); }
.cc-reason { font-size: 12px; }
.cc-reason b { font-weight: 600; }
.cc-reason mark { background: var(--hl); color: inherit; padding: 0 2px; border-radius: 3px; }
.cc-certainty, .cc-more { color: var(--muted); }
.cc-more { margin: 4px 12px 10px; }
.cc-empty, .cc-status { margin: 12px; color: var(--muted); }
`;

/**
 * The marks' stylesheet, put in the page only while marking is on (nothing is left when off). The
 * underline is the text's own colour, so it has the contrast of the text itself on light and dark
 * pages (readable text is at least 3:1); text-decoration and background never move layout. It
 * names the marks' tag only: nothing in it leads to the popover.
 */
export function markCss(tag: string): string {
  return `
${tag} { all: unset; display: inline !important; cursor: help;
  text-decoration: underline dotted currentColor 2px !important; text-underline-offset: 0.18em; text-decoration-skip-ink: none;
  background: color-mix(in srgb, currentColor 7%, transparent) !important; border-radius: 2px; }
${tag}[aria-expanded='true'], ${tag}:focus-visible { text-decoration-style: solid !important; outline: 2px solid currentColor !important; outline-offset: 1px; }
`;
}
