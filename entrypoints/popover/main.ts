/**
 * The popover's page (popover.html), shown by the content script in an iframe on the page being
 * read: it takes the content script's MessageChannel port once, only with the secret of its own
 * URL, and renders what it is told (lib/page/popover.tsx). Nothing else reaches it.
 */
import { PopoverView } from '../../lib/page/popover';
import { type FromFrame, PORT_MESSAGE, type ToFrame } from '../../lib/page/popover-protocol';
import { POPOVER_CSS } from '../../lib/page/popover-style';

const key = location.hash.slice(1);
const style = document.createElement('style');
style.textContent = POPOVER_CSS;
document.head.appendChild(style);

let port: MessagePort | null = null;
/** the opening being shown, echoed in everything said back (see FromFrame) */
let session = 0;
const post = (msg: FromFrame) => port?.postMessage(msg);
const view = new PopoverView(document, document.getElementById('popover')!, {
  onClose: () => post({ type: 'close', session }),
  onSize: (width, height) => post({ type: 'size', session, width, height }),
});

window.addEventListener('message', (e: MessageEvent<{ type?: string; key?: string }>) => {
  if (port || !key || e.data?.type !== PORT_MESSAGE || e.data.key !== key || !e.ports[0]) return;
  port = e.ports[0];
  port.onmessage = (m: MessageEvent<ToFrame>) => {
    const msg = m.data;
    if (msg.type === 'show') {
      session = msg.session;
      document.documentElement.toggleAttribute('data-reduce-motion', msg.reduceMotion);
      view.show(msg.state);
    }
    else if (msg.type === 'hide') view.hide();
    else if (msg.type === 'focus') view.focus();
    else if (msg.type === 'read') post({ type: 'read', id: msg.id, value: view.read() });
    else if (msg.type === 'style') post({ type: 'style', id: msg.id, value: view.style() });
  };
});
window.addEventListener('blur', () => post({ type: 'focus-left', session }));
