import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '../../shared/api';
import type { AuditAction, AuditEntry, AuditPage } from '../../shared/model';
import type { WorkspaceDb } from './db';
import * as schema from './schema';

const { auditLog } = schema;

/** One thing to record: who did `action`, to whom, where, with what facts. */
export interface AuditRecord {
  action: AuditAction;
  /** A member as they are named now (the entry keeps the name they had). */
  actor: { userId: string; displayName: string };
  target?: { id: string; name: string };
  channelId?: string;
  detail?: AuditEntry['detail'];
  /** The client address the worker saw; empty when the change had no request (an account deleted, say). */
  address: string;
}

export function record(db: WorkspaceDb, entry: AuditRecord, now: number) {
  db.insert(auditLog)
    .values({
      at: now,
      action: entry.action,
      actorId: entry.actor.userId,
      actorName: entry.actor.displayName,
      targetId: entry.target?.id ?? null,
      targetName: entry.target?.name ?? null,
      channelId: entry.channelId ?? null,
      detail: entry.detail ?? {},
      address: entry.address,
    })
    .run();
}

/**
 * Entries matching the query's filters, newest first, one page at a time (paged by
 * id, not offset). An entry about a private channel or DM is shown only to a reader
 * who is in it now: to anyone else that channel does not exist, in the log too.
 */
export function page(db: WorkspaceDb, readerId: string, query: AuditQuery): AuditPage {
  const { channelMembers } = schema;
  const filters: SQL[] = [
    sql`(json_extract(${auditLog.detail}, '$.private') is not 1 or exists (
      select 1 from ${channelMembers} where ${channelMembers.channelId} = ${auditLog.channelId} and ${channelMembers.userId} = ${readerId}
    ))`,
  ];
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  if (query.before !== undefined) filters.push(lt(auditLog.id, query.before));
  const rows = db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1)
    .all();
  const entries = rows.slice(0, query.limit);
  return { entries, nextBefore: rows.length > query.limit ? entries[entries.length - 1].id : null };
}
