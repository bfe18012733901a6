import type { Env } from '../durable/env';
import type { Account } from '../shared/model';

export type { Env };

/** What a request handler can read from the Hono context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The account this request acts as (set by requireAccount). */
    account: Account;
    /** Every account signed in in this browser, with its session token. */
    signedIn: SignedIn[];
  };
}

export interface SignedIn {
  token: string;
  account: Account;
}
