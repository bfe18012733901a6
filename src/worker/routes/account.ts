import { Hono } from 'hono';
import { ChangePasswordBody, DeleteAccountBody, UpdateProfileBody } from '../../shared/api';
import { deleteAccount } from '../accounts/account-deletion';
import { readAvatarImage } from '../accounts/avatar-image';
import { announceProfile } from '../accounts/profile-announcement';
import { confirmPassword } from '../auth/password-confirmation';
import { hashPassword } from '../auth/passwords';
import type { AppEnv } from '../context';
import { storageUsage } from '../files/usage';
import { readJson } from '../http/validate';
import { currentSession, forgetInBrowser, requireAccount } from '../middleware/session';
import { directory } from '../stubs';
import { accountSessionRoutes } from './account-sessions';

/** The signed-in person's own account: profile, avatar, password, sessions, deletion. */
export const accountRoutes = new Hono<AppEnv>()
  .use(requireAccount())
  .get('/', (c) => c.json({ account: c.get('account') }))
  .patch('/profile', async (c) => {
    const change = await readJson(c, UpdateProfileBody);
    const account = await directory(c.env).updateProfile(c.get('account').id, change);
    await announceProfile(c.env, account);
    return c.json({ account });
  })
  .put('/avatar', async (c) => {
    const image = await readAvatarImage(c);
    const account = await directory(c.env).setAvatar(c.get('account').id, image);
    await announceProfile(c.env, account);
    return c.json({ account });
  })
  .delete('/avatar', async (c) => {
    const account = await directory(c.env).removeAvatar(c.get('account').id);
    await announceProfile(c.env, account);
    return c.json({ account });
  })
  .get('/storage', async (c) => c.json({ storage: await storageUsage(c.env, c.get('account').id) }))
  .put('/password', async (c) => {
    const body = await readJson(c, ChangePasswordBody);
    await confirmPassword(c, body.currentPassword);
    const keep = body.signOutOthers ? currentSession(c).token : null;
    await directory(c.env).changePassword(c.get('account').id, await hashPassword(body.newPassword), keep);
    return c.body(null, 204);
  })
  .delete('/', async (c) => {
    const body = await readJson(c, DeleteAccountBody);
    await confirmPassword(c, body.password);
    const session = currentSession(c);
    await deleteAccount(c.env, c.get('account').id, body.mode);
    forgetInBrowser(c, session.token);
    return c.body(null, 204);
  })
  .route('/sessions', accountSessionRoutes);
