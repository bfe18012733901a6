import type { Account } from '../../shared/model';
import type { Env } from '../context';
import { tellWorkspacesOf } from './workspace-fanout';

/** Gives every workspace of the account its new profile, for their member lists and open pages. */
export function announceProfile(env: Env, account: Account) {
  const { displayName, avatarVersion, status, nameColor } = account;
  return tellWorkspacesOf(env, account.id, 'a profile change', (ws) =>
    ws.profileChanged(account.id, { displayName, avatarVersion, status, nameColor }),
  );
}
