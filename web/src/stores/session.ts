import { batch, createRoot, createSignal } from 'solid-js';
import type { SignInBody, SignUpBody } from '../../../src/shared/api';
import type { Account } from '../../../src/shared/model';
import { actAs, whenSignedOut } from '../api/client';
import { endpoints } from '../api/endpoints';

/** This tab's account survives reloads; a new tab starts with the last account used anywhere. */
const TAB_ACCOUNT = 'hearth.account';
const LAST_ACCOUNT = 'hearth.lastAccount';

/**
 * The accounts signed in in this browser (people who share a workstation keep
 * several) and the one this tab acts as.
 */
function createSessionStore() {
  const [accounts, setAccounts] = createSignal<Account[]>([]);
  const [activeId, setActiveId] = createSignal<string | null>(null);
  const [ready, setReady] = createSignal(false);

  const account = () => accounts().find((a) => a.id === activeId()) ?? null;

  function switchTo(id: string | null) {
    actAs(id);
    setActiveId(id);
    if (id) {
      sessionStorage.setItem(TAB_ACCOUNT, id);
      localStorage.setItem(LAST_ACCOUNT, id);
    } else sessionStorage.removeItem(TAB_ACCOUNT);
  }

  async function refresh(prefer?: string) {
    const { accounts: list } = await endpoints.session().catch((error: unknown) => {
      setReady(true);
      throw error;
    });
    const ids = list.map((a) => a.id);
    const wanted = [prefer, activeId(), sessionStorage.getItem(TAB_ACCOUNT), localStorage.getItem(LAST_ACCOUNT)].find(
      (id): id is string => !!id && ids.includes(id),
    );
    // One update: pages guarded by sign-in must never see "ready" without the account that is signed in.
    batch(() => {
      setAccounts(list);
      switchTo(wanted ?? list[0]?.id ?? null);
      setReady(true);
    });
  }

  async function signIn(body: SignInBody) {
    const { account } = await endpoints.signIn(body);
    await refresh(account.id);
    return account;
  }

  async function signUp(body: SignUpBody) {
    const result = await endpoints.signUp(body);
    await refresh(result.account.id);
    return result;
  }

  async function signOut() {
    await endpoints.signOut();
    setActiveId(null);
    await refresh();
  }

  /** Shows an account as the server just returned it (after a profile change), without a round trip. */
  function applyAccount(next: Account) {
    setAccounts((list) => list.map((a) => (a.id === next.id ? next : a)));
  }

  whenSignedOut(() => void refresh().catch(() => undefined));

  return { accounts, account, ready, refresh, switchTo, signIn, signUp, signOut, applyAccount };
}

const session = createRoot(createSessionStore);
export const useSession = () => session;
