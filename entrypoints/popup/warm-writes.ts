/**
 * The reader is about to write (opened the add form, a preview of this article, an edit): the
 * background loads the corpus index that writes need meanwhile (about 50 MB at 10,000 reports), so
 * the save does not wait for it. Not sent when the popup opens: that read would hold up the list and
 * the search the popup shows first.
 */
import { send } from '../../lib/rpc';

export const warmWrites = (): void => void send('warm-writes', {}).catch(() => undefined);
