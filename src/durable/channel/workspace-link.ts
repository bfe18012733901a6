import type { Message } from '../../shared/model';
import type { OthersMessageDeleted, PostActivity } from '../activity';
import type { Env } from '../env';
import type { SocketIdentity } from './identity';
import { type ResolvedMentions, resolveMentions, RosterCache } from './mentions';

type Workspace = ReturnType<Env['WORKSPACES']['get']>;

/**
 * The channel object's line to its workspace object: whom a message can mention,
 * and what was posted or deleted, told after the fact.
 */
export class WorkspaceLink {
  private roster: RosterCache | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {}

  mentionsIn(body: string, identity: SocketIdentity): Promise<ResolvedMentions> {
    return resolveMentions(body, async () => {
      this.roster ??= new RosterCache(() => this.workspace(identity).channelRoster(identity.channelId));
      try {
        return await this.roster.get(Date.now());
      } catch (error) {
        // The text still reads "@name"; a message is not refused because the workspace is unreachable.
        console.error('channel roster unavailable; mentions left unresolved', error);
        return new Map();
      }
    });
  }

  posted(identity: SocketIdentity, message: Message) {
    const activity = postActivity(identity.channelId, message);
    this.tell(identity, 'recordPost', (workspace) => workspace.recordPost(activity));
  }

  deleted(identity: SocketIdentity, seq: number) {
    this.tell(identity, 'forgetPost', (workspace) => workspace.forgetPost(identity.channelId, seq));
  }

  /** For the audit log: a moderator deleted someone else's message. */
  deletedOthers(identity: SocketIdentity, target: { seq: number; authorId: string; authorName: string }) {
    const report: OthersMessageDeleted = {
      channelId: identity.channelId,
      seq: target.seq,
      actorId: identity.userId,
      actorName: identity.displayName,
      authorId: target.authorId,
      authorName: target.authorName,
      address: identity.address,
    };
    this.tell(identity, 'othersMessageDeleted', (workspace) => workspace.othersMessageDeleted(report));
  }

  private workspace(identity: SocketIdentity): Workspace {
    return this.env.WORKSPACES.get(this.env.WORKSPACES.idFromName(identity.workspaceId));
  }

  /** Calls the workspace without holding up the reply to the sender; a failure is logged, never theirs. */
  private tell(identity: SocketIdentity, what: string, call: (workspace: Workspace) => Promise<unknown>) {
    const told = Promise.resolve()
      .then(() => call(this.workspace(identity)))
      .catch((error) => console.error(`workspace ${what} failed`, error));
    this.ctx.waitUntil(told);
  }
}

/** What the workspace is told about a message just posted. */
function postActivity(channelId: string, message: Message): PostActivity {
  return {
    channelId,
    seq: message.seq,
    createdAt: message.createdAt,
    authorId: message.authorId,
    authorName: message.authorName,
    body: message.body,
    threadRoot: message.threadRoot,
    inChannel: message.threadRoot === null || message.alsoInChannel,
    mentionedUserIds: message.mentions.map((mention) => mention.userId),
    broadcasts: message.broadcasts,
  };
}
