import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/directory/migrations.js';
import type { Account, AccountDeletionMode, AdminUser, SessionInfo, WorkspaceSummary } from '../../shared/model';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import * as deletion from './account-deletion';
import * as accounts from './accounts';
import * as admin from './admin-users';
import type { DirectoryDb } from './db';
import * as fileUsage from './file-usage';
import * as instance from './instance-settings';
import * as profiles from './profiles';
import * as schema from './schema';
import * as sessions from './sessions';
import * as workspaces from './workspaces';

const SESSION_SWEEP_EVERY_MS = 24 * 3600 * 1000;

/** The one object that holds accounts, sessions, instance settings and the list of workspaces. */
export class Directory extends DurableObject<Env> {
  private readonly db: DirectoryDb;

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

  // Accounts

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
    return accounts.getAccount(this.db, userId, Date.now()) ?? null;
  }

  passwordHashOf(userId: string): string | null {
    return accounts.passwordHashOf(this.db, userId) ?? null;
  }

  /** Sets a new password hash; with `keepToken`, also ends every other session of the account. */
  async changePassword(userId: string, passwordHash: string, keepToken: string | null): Promise<void> {
    const keepHash = keepToken === null ? null : await sessions.hashToken(keepToken);
    this.db.transaction(() => {
      accounts.setPasswordHash(this.db, userId, passwordHash);
      if (keepHash !== null) sessions.deleteSessionsOf(this.db, userId, keepHash);
    });
  }

  updateProfile(userId: string, change: profiles.ProfileChange): Account {
    return profiles.updateProfile(this.db, userId, change, Date.now());
  }

  setAvatar(userId: string, image: profiles.AvatarImage): Account {
    return profiles.setAvatar(this.db, userId, image, Date.now());
  }

  removeAvatar(userId: string): Account {
    return profiles.removeAvatar(this.db, userId, Date.now());
  }

  /** The avatar of `userId` as `viewerId` may see it: their own, or someone sharing a workspace with them. */
  avatarFor(viewerId: string, userId: string) {
    return profiles.avatarFor(this.db, viewerId, userId) ?? null;
  }

  /** Why the directory refuses to delete this account, or null. */
  accountDeletionBlocker(userId: string): string | null {
    return deletion.instanceDeletionBlocker(this.db, userId);
  }

  deleteAccount(userId: string, mode: AccountDeletionMode): void {
    deletion.deleteAccount(this.db, userId, mode, Date.now());
  }

  // Sessions

  /** Starts a session and returns its token; only the token's hash is kept. */
  async createSession(userId: string, meta: sessions.SessionMeta): Promise<string> {
    const token = sessions.newToken();
    const tokenHash = await sessions.hashToken(token);
    this.db.transaction(() => {
      accounts.assertActive(this.db, userId);
      sessions.insertSession(this.db, tokenHash, userId, meta, Date.now());
    });
    return token;
  }

  async resolveSessions(tokens: string[]): Promise<(Account | null)[]> {
    const hashes = await Promise.all(tokens.map(sessions.hashToken));
    return sessions.resolveSessions(this.db, hashes, Date.now());
  }

  async revokeSession(token: string): Promise<void> {
    sessions.deleteSession(this.db, await sessions.hashToken(token));
  }

  async listSessions(userId: string, currentToken: string): Promise<SessionInfo[]> {
    return sessions.listSessions(this.db, userId, await sessions.hashToken(currentToken), Date.now());
  }

  async endSession(userId: string, sessionId: string, currentToken: string) {
    return sessions.deleteSessionById(this.db, userId, sessionId, await sessions.hashToken(currentToken));
  }

  async endOtherSessions(userId: string, currentToken: string): Promise<void> {
    sessions.deleteSessionsOf(this.db, userId, await sessions.hashToken(currentToken));
  }

  // Instance administration

  instanceSettings(): instance.StoredInstanceSettings {
    return instance.storedSettings(this.db);
  }

  updateInstanceSettings(change: Partial<instance.StoredInstanceSettings>): instance.StoredInstanceSettings {
    return instance.updateSettings(this.db, change, Date.now());
  }

  listUsers(): AdminUser[] {
    return admin.listUsers(this.db);
  }

  setDeactivated(userId: string, deactivated: boolean): AdminUser {
    return admin.setDeactivated(this.db, userId, deactivated, Date.now());
  }

  setInstanceAdmin(userId: string, isAdmin: boolean): AdminUser {
    return admin.setInstanceAdmin(this.db, userId, isAdmin);
  }

  // Workspaces

  recordWorkspace(workspace: WorkspaceSummary, ownerId: string): void {
    workspaces.recordWorkspace(this.db, workspace, ownerId, Date.now());
  }

  recordMembership(userId: string, workspaceId: string): void {
    workspaces.recordMembership(this.db, userId, workspaceId, Date.now());
  }

  /** After a removal, ban or leave, so the workspace is gone from the person's list. */
  forgetMembership(userId: string, workspaceId: string): void {
    workspaces.forgetMembership(this.db, userId, workspaceId, Date.now());
  }

  workspacesOf(userId: string): WorkspaceSummary[] {
    return workspaces.workspacesOf(this.db, userId);
  }

  /** Every workspace the person has been in, those they left included (to erase their messages there too). */
  workspacesEverJoinedBy(userId: string): WorkspaceSummary[] {
    return workspaces.workspacesEverJoinedBy(this.db, userId);
  }

  // File storage quotas (see file-usage.ts)

  fileBytesUsed(userId: string): number {
    return fileUsage.usedBytes(this.db, userId, Date.now());
  }

  reserveUpload(fileId: string, userId: string, bytes: number, quotaBytes: number): fileUsage.Reservation {
    return fileUsage.reserveUpload(this.db, fileId, userId, bytes, quotaBytes, Date.now());
  }

  settleUpload(fileId: string): boolean {
    return fileUsage.settleUpload(this.db, fileId, Date.now());
  }

  reserveThumbnail(fileId: string, userId: string, bytes: number, quotaBytes: number): fileUsage.Reservation {
    return fileUsage.reserveThumbnail(this.db, fileId, userId, bytes, quotaBytes, Date.now());
  }

  /** Called by channels once files' bytes are deleted; repeats are harmless. */
  releaseFiles(fileIds: string[]): void {
    fileUsage.releaseFiles(this.db, fileIds);
  }

  registerInviteCode(code: string, workspaceId: string): void {
    workspaces.registerInviteCode(this.db, code, workspaceId);
  }

  workspaceOfInvite(code: string): string | null {
    return workspaces.workspaceOfInvite(this.db, code) ?? null;
  }
}
