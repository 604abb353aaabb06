/** The toolbar badge: mention count per tab. Chrome MV3 has `action`, Firefox MV2 `browserAction`. */
import { browser } from 'wxt/browser';

type BadgeApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

export async function setBadge(tabId: number, count: number): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  await api.setBadgeText({ tabId, text: count ? String(count) : '' });
  await api.setBadgeBackgroundColor({ tabId, color: '#1f5fbf' });
}
