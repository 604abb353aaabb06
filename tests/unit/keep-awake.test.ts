/** The service worker is kept from its idle stop only while indexing runs. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepAwakeWhile } from '../../lib/background/keep-awake';

afterEach(() => vi.useRealTimers());

describe('keepAwakeWhile', () => {
  it('calls the extension API every interval while busy, never when idle, and stops when told', async () => {
    vi.useFakeTimers();
    let busy = false;
    const ping = vi.fn(async () => undefined);
    const stop = keepAwakeWhile(() => busy, ping, 20_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
    busy = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
    ping.mockRejectedValueOnce(new Error('context invalidated')); // a failed call is harmless
    await vi.advanceTimersByTimeAsync(20_000);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(4);
  });
});
