/**
 * Search as you type, one request at a time: while a search is under way, what is typed next waits,
 * and only the newest of what waited is asked when it returns. Typing "Syria" sends "Sy", then
 * "Syria": never "Syr" and "Syri" beside them, each slowing the others down on the read side.
 */
export function newestOnly<Q, R>(ask: (q: Q) => Promise<R>): (q: Q) => Promise<R | undefined> {
  let busy = false;
  let waiting: { q: Q; resolve: (r: R | undefined) => void; reject: (e: unknown) => void } | null = null;

  const start = (q: Q): Promise<R> => {
    busy = true;
    const asked = ask(q);
    const next = () => {
      busy = false;
      const w = waiting;
      waiting = null;
      if (w) start(w.q).then(w.resolve, w.reject);
    };
    asked.then(next, next);
    return asked;
  };

  return (q) => {
    if (!busy) return start(q);
    waiting?.resolve(undefined); // overtaken before it was asked
    return new Promise((resolve, reject) => (waiting = { q, resolve, reject }));
  };
}
