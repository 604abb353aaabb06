/**
 * The context-menu items and the shortcut (lib/background/context-menu.ts), wired to a stand-in
 * for the extension API: "Check with Crosscheck" asks the frame the menu was opened in, the
 * shortcut asks the focused frame; nothing breaks where no content script answers.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ADD_ARTICLE_MENU_ID, CHECK_COMMAND, CHECK_MENU_ID, checkSelection, installContextMenu, listenToContextMenu } from '../../lib/background/context-menu';

type Listener = (...args: unknown[]) => void;
const api = (globalThis as unknown as { chrome: Record<string, unknown> }).chrome;
const clicks: Listener[] = [];
const commands: Listener[] = [];
const sendMessage = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true }));
const create = vi.fn();
const windowsCreate = vi.fn(async () => undefined);
Object.assign(api, {
  contextMenus: { removeAll: (done: () => void) => done(), create, onClicked: { addListener: (f: Listener) => clicks.push(f) } },
  commands: { onCommand: { addListener: (f: Listener) => commands.push(f) } },
  tabs: { sendMessage, query: async () => [{ id: 7 }] },
  windows: { create: windowsCreate },
  runtime: { getURL: (p: string) => `chrome-extension://test${p}` },
});
listenToContextMenu();

beforeEach(() => {
  sendMessage.mockClear();
  windowsCreate.mockClear();
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('context menu and shortcut', () => {
  it('installs "Check with Crosscheck" for selections and "Add this article" for pages, on web pages only', () => {
    installContextMenu();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: CHECK_MENU_ID, title: 'Check with Crosscheck', contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: ADD_ARTICLE_MENU_ID, contexts: ['page', 'selection'] }));
  });

  it('the menu item asks the frame it was opened in', async () => {
    for (const f of clicks) f({ menuItemId: CHECK_MENU_ID, frameId: 3, selectionText: 'x' }, { id: 5 });
    await settle();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(5, { type: 'check-selection' }, { frameId: 3 });
    expect(windowsCreate).not.toHaveBeenCalled();
  });

  it('the top frame when the menu gives no frame id; "Add this article" still opens its window', async () => {
    for (const f of clicks) f({ menuItemId: CHECK_MENU_ID }, { id: 5 });
    for (const f of clicks) f({ menuItemId: ADD_ARTICLE_MENU_ID }, { id: 5 });
    await settle();
    expect(sendMessage).toHaveBeenCalledWith(5, { type: 'check-selection' }, { frameId: 0 });
    expect(windowsCreate).toHaveBeenCalledWith(expect.objectContaining({ url: 'chrome-extension://test/popup.html?tab=5&add=article' }));
  });

  it('the shortcut asks every frame of the tab, and only the focused one acts; without a tab, the active one', async () => {
    for (const f of commands) f(CHECK_COMMAND, { id: 5 });
    for (const f of commands) f(CHECK_COMMAND, undefined);
    for (const f of commands) f('something-else', { id: 5 });
    await settle();
    expect(sendMessage.mock.calls).toEqual([
      [5, { type: 'check-selection', focused: true }],
      [7, { type: 'check-selection', focused: true }],
    ]);
  });

  it('no content script, or no frame with a selection: false, and nothing thrown', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await checkSelection(5)).toBe(false);
    sendMessage.mockResolvedValueOnce(undefined);
    expect(await checkSelection(5, 0)).toBe(false);
    expect(await checkSelection(5, 0)).toBe(true);
  });
});
