import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Member, SystemEvent } from '../../shared/model';
import type { Env } from '../env';
import * as audit from './audit';
import { ChannelObjects } from './channel-objects';
import { type ChannelRow, channelIdsOf } from './channels';
import type { WorkspaceDb } from './db';
import type { Gateway } from './gateway';
import * as schema from './schema';

/**
 * What the workspace's modules share: its database, its gateway, its line to
 * the channel objects, and the effects several of them need (the audit log,
 * system messages, pushing policy and members' changes to channel objects).
 */
export class WorkspaceContext {
  readonly channels: ChannelObjects;

  constructor(
    readonly env: Env,
    readonly db: WorkspaceDb,
    readonly gateway: Gateway,
  ) {
    this.channels = new ChannelObjects(env);
  }

  info() {
    const info = this.db.select().from(schema.workspaceInfo).get();
    if (!info) throw new AppError('not_found', 'No such workspace');
    return info;
  }

  /** Records an entry; one about a private channel or DM is marked `private`, so only its members read it (see audit.page). */
  audit(entry: audit.AuditRecord) {
    const kind = entry.channelId === undefined ? undefined : this.channelRow(entry.channelId)?.kind;
    const marked = kind !== undefined && kind !== 'public' ? { ...entry, detail: { ...entry.detail, private: true } } : entry;
    audit.record(this.db, marked, Date.now());
  }

  /**
   * Records `event` in the channel's message sequence, authored by who did it. The
   * change it records is already committed, so a channel object that fails is logged,
   * not reported to the person who made the change.
   */
  async systemMessage(channelId: string, event: SystemEvent, author: Pick<Member, 'userId' | 'displayName'>) {
    try {
      await this.channels.stub(channelId).postSystemMessage(event, { userId: author.userId, displayName: author.displayName });
    } catch (error) {
      console.error('system message failed', channelId, event.type, error);
    }
  }

  /** Tells the channel object whether it is archived and its slow mode. A failure reaches the caller, whose retry pushes again. */
  async pushPolicy(row: ChannelRow) {
    const { id: channelId, archivedAt, slowModeSeconds } = row;
    await this.channels.stub(channelId).setPolicy({ channelId, workspaceId: this.info().id, archivedAt, slowModeSeconds });
  }

  /** A member's role, timeout or profile changed: every gateway hears, and their open channel sockets act as who they are now. */
  async pushMember(member: Member) {
    this.gateway.memberChanged(member);
    const change = { role: member.role, timedOutUntil: member.timedOutUntil, displayName: member.displayName };
    await this.channels.each(channelIdsOf(this.db, member.userId), 'applyMember', (stub) => stub.applyMember(member.userId, change));
  }

  channelRow(channelId: string): ChannelRow | undefined {
    return this.db.select().from(schema.channels).where(eq(schema.channels.id, channelId)).get();
  }
}
