/** The toolbar badge per tab: conflicts in red ("2!") when a report conflicts with the page, else the mention count in blue. Chrome MV3 has `action`, Firefox MV2 `browserAction`. */
import { browser } from 'wxt/browser';

type BadgeApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

export async function setBadge(tabId: number, count: number, conflicts = 0): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  await api.setBadgeText({ tabId, text: conflicts ? `${conflicts}!` : count ? String(count) : '' });
  await api.setBadgeBackgroundColor({ tabId, color: conflicts ? '#cf222e' : '#1f5fbf' });
}
