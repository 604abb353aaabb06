/** How popup components report an outcome to the reader (one message line at the top of the popup). */
export type NoticeKind = 'ok' | 'error' | 'progress';
export type Notify = (kind: NoticeKind, text: string) => void;
