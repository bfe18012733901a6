import type { Channel } from './channel/channel';
import type { Directory } from './directory/directory';
import type { Workspace } from './workspace/workspace';

/** Bindings declared in wrangler.toml and workerd.capnp (kept equal by test/node/config-drift.test.ts). */
export interface Env {
  /** open | invite | closed; null when the operator did not set it. */
  REGISTRATION_MODE?: string | null;
  INSTANCE_NAME?: string | null;
  MAX_CONNECTIONS?: string | null;
  ASSETS: Fetcher;
  DIRECTORY: DurableObjectNamespace<Directory>;
  WORKSPACES: DurableObjectNamespace<Workspace>;
  CHANNELS: DurableObjectNamespace<Channel>;
}
