import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/directory/migrations.js';
import type { Account, WorkspaceSummary } from '../../shared/model';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import * as accounts from './accounts';
import * as schema from './schema';
import * as sessions from './sessions';
import * as workspaces from './workspaces';

const SESSION_SWEEP_EVERY_MS = 24 * 3600 * 1000;

/** The one object that holds accounts, sessions and the list of workspaces. */
export class Directory extends DurableObject<Env> {
  private readonly db: accounts.DirectoryDb;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
    void ctx.blockConcurrencyWhile(async () => {
      if ((await ctx.storage.getAlarm()) === null) await ctx.storage.setAlarm(Date.now() + SESSION_SWEEP_EVERY_MS);
    });
  }

  /** Deletes expired sessions once a day. */
  override async alarm() {
    sessions.deleteExpiredSessions(this.db, Date.now());
    await this.ctx.storage.setAlarm(Date.now() + SESSION_SWEEP_EVERY_MS);
  }

  accountCount(): number {
    return accounts.accountCount(this.db);
  }

  createAccount(input: accounts.NewAccount): Account {
    return accounts.createAccount(this.db, input, Date.now());
  }

  findCredentials(username: string) {
    return accounts.findCredentials(this.db, username) ?? null;
  }

  getAccount(userId: string): Account | null {
    return accounts.getAccount(this.db, userId) ?? null;
  }

  /** Starts a session and returns its token; only the token's hash is kept. */
  async createSession(userId: string, meta: sessions.SessionMeta): Promise<string> {
    const token = sessions.newToken();
    sessions.insertSession(this.db, await sessions.hashToken(token), userId, meta, Date.now());
    return token;
  }

  async resolveSessions(tokens: string[]): Promise<(Account | null)[]> {
    const hashes = await Promise.all(tokens.map(sessions.hashToken));
    return sessions.resolveSessions(this.db, hashes, Date.now());
  }

  async revokeSession(token: string): Promise<void> {
    sessions.deleteSession(this.db, await sessions.hashToken(token));
  }

  recordWorkspace(workspace: WorkspaceSummary, ownerId: string): void {
    workspaces.recordWorkspace(this.db, workspace, ownerId, Date.now());
  }

  recordMembership(userId: string, workspaceId: string): void {
    workspaces.recordMembership(this.db, userId, workspaceId, Date.now());
  }

  workspacesOf(userId: string): WorkspaceSummary[] {
    return workspaces.workspacesOf(this.db, userId);
  }

  registerInviteCode(code: string, workspaceId: string): void {
    workspaces.registerInviteCode(this.db, code, workspaceId);
  }

  workspaceOfInvite(code: string): string | null {
    return workspaces.workspaceOfInvite(this.db, code) ?? null;
  }
}
