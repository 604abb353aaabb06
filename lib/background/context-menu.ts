/**
 * The page's context-menu items and the keyboard shortcut: "Add this article to Crosscheck" (opens
 * the popup page on that tab's article preview) and "Check with Crosscheck" for a selection (the
 * frame that holds it opens the popover for the selected sentences; the shortcut does the same in
 * the frame that has focus).
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { sendToTab } from '../rpc';

export const ADD_ARTICLE_MENU_ID = 'crosscheck-add-article';
export const CHECK_MENU_ID = 'crosscheck-check-selection';
/** The `commands` entry of the manifest (wxt.config.ts) for the shortcut. */
export const CHECK_COMMAND = 'check-selection';

const PAGES = ['http://*/*', 'https://*/*'];

/** The popup page for a tab, opened straight on its "Add this article" preview. */
export function addArticleUrl(tabId: number): string {
  return browser.runtime.getURL('/popup.html') + `?tab=${tabId}&add=article`;
}

export function installContextMenu(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: CHECK_MENU_ID, title: i18n.t('check.menu'), contexts: ['selection'], documentUrlPatterns: PAGES });
    browser.contextMenus.create({ id: ADD_ARTICLE_MENU_ID, title: i18n.t('addArticle.menu'), contexts: ['page', 'selection'], documentUrlPatterns: PAGES });
  });
}

/**
 * Ask a tab's content script to check its selection: in one frame (the menu says which), or in the
 * frame that has focus (the shortcut). True when a frame opened the popover; a page without our
 * script (a browser page, a store) or without a selection leaves everything as it was.
 */
export async function checkSelection(tabId: number, frameId?: number): Promise<boolean> {
  const request = frameId === undefined ? sendToTab(tabId, 'check-selection', { focused: true }) : sendToTab({ tabId, frameId }, 'check-selection');
  return request.catch(() => false);
}

export function listenToContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    if (info.menuItemId === CHECK_MENU_ID) void checkSelection(tab.id, info.frameId ?? 0);
    else if (info.menuItemId === ADD_ARTICLE_MENU_ID) void browser.windows.create({ url: addArticleUrl(tab.id), type: 'popup', width: 460, height: 720 });
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== CHECK_COMMAND) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await checkSelection(id);
    })();
  });
}
