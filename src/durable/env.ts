import type { Channel } from './channel/channel';
import type { DiagramCache } from './diagram-cache/diagram-cache';
import type { Directory } from './directory/directory';
import type { Workspace } from './workspace/workspace';

/** Bindings declared in wrangler.toml and workerd.capnp (kept equal by test/node/config-drift.test.ts). */
export interface Env {
  /** open | invite | closed; null when the operator did not set it. */
  REGISTRATION_MODE?: string | null;
  INSTANCE_NAME?: string | null;
  MAX_CONNECTIONS?: string | null;
  /** The PlantUML server's address, e.g. http://10.0.0.5:8080/plantuml; unset or empty: diagrams show as source. */
  PLANTUML_URL?: string | null;
  /** The network the PlantUML server is reached through: private addresses only (workerd's default outbound refuses them). */
  PLANTUML_NET: Fetcher;
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
  DIAGRAMS: DurableObjectNamespace<DiagramCache>;
}
