/** The "Add this article to Crosscheck" context-menu item: opens the popup page on that tab's article preview. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

export const ADD_ARTICLE_MENU_ID = 'crosscheck-add-article';

/** The popup page for a tab, opened straight on its "Add this article" preview. */
export function addArticleUrl(tabId: number): string {
  return browser.runtime.getURL('/popup.html') + `?tab=${tabId}&add=article`;
}

export function installContextMenu(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: ADD_ARTICLE_MENU_ID, title: i18n.t('addArticle.menu'), contexts: ['page', 'selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
  });
}

export function listenToContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ADD_ARTICLE_MENU_ID || tab?.id === undefined) return;
    void browser.windows.create({ url: addArticleUrl(tab.id), type: 'popup', width: 460, height: 720 });
  });
}
