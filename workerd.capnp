# Hearth in production: `workerd serve workerd.capnp` (npm start wraps it).
#
# Ops change the listen address and data directories with workerd's flags,
# never by editing this file:
#   --socket-addr http=0.0.0.0:8080
#   -d do-storage=/srv/hearth/do   (one SQLite file per Durable Object)
#   -d files=/srv/hearth/files      (uploaded files, under keys Hearth makes up)
# Settings come from the environment (see README); unset means the default.
# The uniqueKey of each Durable Object class names its folder on disk: it is
# data, never change it.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "hearth", worker = .hearthWorker),
    (name = "web", disk = (path = "web/dist", writable = false)),
    (name = "do-storage", disk = (path = "data/do", writable = true)),
    # The LAN, for the PlantUML server only: workerd's default outbound reaches
    # public addresses only. "private" includes loopback ("local").
    (name = "lan", network = (allow = ["private"])),
    (name = "files", disk = (path = "data/files", writable = true)),
  ],
  sockets = [
    (name = "http", address = "*:8080", http = (), service = "hearth"),
  ],
);

const hearthWorker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "argon2-wasm-edge/wasm/argon2.wasm", wasm = embed "node_modules/argon2-wasm-edge/wasm/argon2.wasm"),
    (name = "argon2-wasm-edge/wasm/blake2b.wasm", wasm = embed "node_modules/argon2-wasm-edge/wasm/blake2b.wasm"),
  ],
  compatibilityDate = "2026-10-01",
  # No permessage-deflate on WebSockets (why: wrangler.toml). The deflate context
  # every browser asks for costs ~200 KiB of memory per idle socket.
  compatibilityFlags = ["no_web_socket_compression"],
  bindings = [
    (name = "REGISTRATION_MODE", fromEnvironment = "HEARTH_REGISTRATION_MODE"),
    (name = "INSTANCE_NAME", fromEnvironment = "HEARTH_INSTANCE_NAME"),
    (name = "MAX_CONNECTIONS", fromEnvironment = "HEARTH_MAX_CONNECTIONS"),
    (name = "PLANTUML_URL", fromEnvironment = "HEARTH_PLANTUML_URL"),
    (name = "PLANTUML_NET", service = "lan"),
    (name = "MAX_FILE_MB", fromEnvironment = "HEARTH_MAX_FILE_MB"),
    (name = "USER_QUOTA_MB", fromEnvironment = "HEARTH_USER_QUOTA_MB"),
    (name = "ASSETS", service = "web"),
    (name = "FILES", service = "files"),
    (name = "DIRECTORY", durableObjectNamespace = "Directory"),
    (name = "WORKSPACES", durableObjectNamespace = "Workspace"),
    (name = "CHANNELS", durableObjectNamespace = "Channel"),
    (name = "DIAGRAMS", durableObjectNamespace = "DiagramCache"),
  ],
  durableObjectNamespaces = [
    (className = "Directory", uniqueKey = "hearth-directory", enableSql = true),
    (className = "Workspace", uniqueKey = "hearth-workspace", enableSql = true),
    (className = "Channel", uniqueKey = "hearth-channel", enableSql = true),
    (className = "DiagramCache", uniqueKey = "hearth-diagram-cache", enableSql = true),
  ],
  durableObjectStorage = (localDisk = "do-storage"),
);
