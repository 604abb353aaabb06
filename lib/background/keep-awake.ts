/**
 * Chrome stops an extension's service worker ~30 s after its last event, even mid-work: an
 * indexing run (an import, the evidence index rebuilt in the background) would stop there and
 * resume only at the next start. An extension API call resets that timer, so while `busy()` one
 * cheap call is made every `everyMs`. Firefox's background page needs none and takes none harm.
 */
export function keepAwakeWhile(busy: () => boolean, ping: () => Promise<unknown>, everyMs = 20_000): () => void {
  const timer = setInterval(() => {
    if (busy()) void ping().catch(() => undefined);
  }, everyMs);
  return () => clearInterval(timer);
}
