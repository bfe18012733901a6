/**
 * Messages typed but not yet acknowledged by the server, kept in localStorage
 * so a reload or a lost connection loses nothing. Each has the client id the
 * server uses to store it exactly once, however often it is resent.
 */
export interface OutboxEntry {
  clientId: string;
  body: string;
  createdAt: number;
  status: 'pending' | 'failed';
  error?: string;
  /** The message this one replies to. */
  replyTo?: number;
  /** The thread this reply belongs to; it shows in the thread panel while pending. */
  threadRoot?: number;
  alsoToChannel?: boolean;
  /** Uploaded files it carries: a retry resends their ids, nothing is uploaded again (until they expire). */
  attachments?: string[];
}

const key = (accountId: string, channelId: string) => `hearth.outbox.${accountId}.${channelId}`;

export function loadOutbox(accountId: string, channelId: string): OutboxEntry[] {
  try {
    const raw = localStorage.getItem(key(accountId, channelId));
    const entries = raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
    return Array.isArray(entries) ? entries : [];
  } catch {
    return [];
  }
}

export function saveOutbox(accountId: string, channelId: string, entries: OutboxEntry[]) {
  try {
    if (entries.length === 0) localStorage.removeItem(key(accountId, channelId));
    else localStorage.setItem(key(accountId, channelId), JSON.stringify(entries));
  } catch {
    // Storage full or disabled: the outbox still lives in memory for this tab.
  }
}

export function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
