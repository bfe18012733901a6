// Types for `env` and `exports` from cloudflare:workers inside the runtime tests.
type HearthEnv = import('../../src/durable/env').Env;

declare namespace Cloudflare {
  interface Env extends HearthEnv {}
  interface GlobalProps {
    mainModule: typeof import('../../src/worker/index');
    durableNamespaces: 'Directory' | 'Workspace' | 'Channel' | 'DiagramCache';
  }
}
