import type { Channel } from './channel/channel';
import type { Directory } from './directory/directory';
import type { Workspace } from './workspace/workspace';

/** Bindings declared in wrangler.toml and workerd.capnp (kept equal by test/node/config-drift.test.ts). */
export interface Env {
  /** open | invite | closed; null when the operator did not set it. */
  REGISTRATION_MODE?: string | null;
  INSTANCE_NAME?: string | null;
  MAX_CONNECTIONS?: string | null;
  /** Megabytes (of 1,048,576 bytes) per uploaded file, and of one person's files. */
  MAX_FILE_MB?: string | null;
  USER_QUOTA_MB?: string | null;
  ASSETS: Fetcher;
  /**
   * The writable disk service uploaded files live in (`<data>/files`). Absent under
   * `wrangler dev`, which cannot declare one: uploads are then refused.
   */
  FILES?: Fetcher;
  DIRECTORY: DurableObjectNamespace<Directory>;
  WORKSPACES: DurableObjectNamespace<Workspace>;
  CHANNELS: DurableObjectNamespace<Channel>;
}
