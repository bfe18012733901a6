/**
 * wrangler.toml (development, tests) and workerd.capnp (production) must
 * declare the same runtime: Durable Object classes, bindings, compatibility
 * date and flags. This reads both and fails on any difference.
 */
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import workerdCapnp from '../../workerd.capnp?raw';
import wranglerToml from '../../wrangler.toml?raw';
import diskServices from '../disk-services.json' with { type: 'json' };
import { parseCapnp, type CapnpValue } from './capnp-text';

/** What both configs must agree on. */
interface RuntimeShape {
  compatibilityDate: string;
  compatibilityFlags: string[];
  /**
   * Binding name → kind: `var`, `disk:<path>` (static files), `writable-disk` (a folder the worker
   * writes; its path is the data directory's), `service:<name>` (another worker, a network),
   * `durable-object:<class>`.
   */
  bindings: Record<string, string>;
  /** Class name → `sqlite` or `kv` storage. */
  durableObjectClasses: Record<string, 'sqlite' | 'kv'>;
}

const normalizePath = (path: string) => path.replace(/^\.\//, '').replace(/\/+$/, '');

type Table = Record<string, any>;

/** Binding kinds this reader does not map yet: declaring one makes the configs differ until it is taught. */
const OTHER_WRANGLER_BINDINGS = ['kv_namespaces', 'r2_buckets', 'd1_databases', 'queues', 'analytics_engine_datasets', 'wasm_modules', 'text_blobs', 'data_blobs'];

/** wrangler.toml as the runtime tests run it: plus the writable disk services vitest.config.ts provides. */
function wranglerShape(source: string, writableDisks: readonly string[] = diskServices.writableDiskBindings): RuntimeShape {
  const toml = parseToml(source) as Table;
  const bindings: Record<string, string> = {};
  for (const name of writableDisks) bindings[name] = 'writable-disk';
  for (const name of Object.keys(toml.vars ?? {})) bindings[name] = 'var';
  if (toml.assets?.binding) bindings[toml.assets.binding] = `disk:${normalizePath(toml.assets.directory)}`;
  for (const service of toml.services ?? []) bindings[service.binding] = `service:${service.service}`;
  for (const binding of toml.durable_objects?.bindings ?? []) bindings[binding.name] = `durable-object:${binding.class_name}`;
  for (const key of OTHER_WRANGLER_BINDINGS) {
    for (const binding of toml[key] ?? []) bindings[binding.binding ?? binding.name] = `wrangler ${key}`;
  }

  const durableObjectClasses: RuntimeShape['durableObjectClasses'] = {};
  for (const migration of toml.migrations ?? []) {
    for (const name of migration.new_sqlite_classes ?? []) durableObjectClasses[name] = 'sqlite';
    for (const name of migration.new_classes ?? []) durableObjectClasses[name] = 'kv';
    for (const { from, to } of migration.renamed_classes ?? []) {
      durableObjectClasses[to] = durableObjectClasses[from];
      delete durableObjectClasses[from];
    }
    for (const name of migration.deleted_classes ?? []) delete durableObjectClasses[name];
  }

  return {
    compatibilityDate: String(toml.compatibility_date),
    compatibilityFlags: [...(toml.compatibility_flags ?? [])].sort(),
    bindings,
    durableObjectClasses,
  };
}

function capnpShape(source: string): RuntimeShape {
  const constants = parseCapnp(source);
  const deref = (value: CapnpValue | undefined): Table => {
    const ref = (value as { $ref?: string } | undefined)?.$ref;
    return (ref ? constants[ref] : value) as Table;
  };
  const config = Object.values(constants).find((c) => Array.isArray((c as Table).services)) as Table;
  if (!config) throw new Error('workerd.capnp has no config with services');
  const services = new Map<string, Table>(config.services.map((s: Table) => [s.name, s]));

  // The worker is the service the sockets serve.
  const served = new Set<string>(config.sockets.map((s: Table) => s.service));
  if (served.size !== 1) throw new Error(`expected the sockets to serve one worker, found ${[...served].join(', ')}`);
  const worker = deref(services.get([...served][0])?.worker);
  if (!worker) throw new Error('the served service is not a worker');

  const bindings: Record<string, string> = {};
  for (const binding of worker.bindings ?? []) {
    const { name, ...kind } = binding as Table;
    if ('text' in kind || 'json' in kind || 'fromEnvironment' in kind) bindings[name] = 'var';
    else if ('service' in kind) {
      const target = services.get(typeof kind.service === 'string' ? kind.service : kind.service.name);
      if (target?.disk?.writable === true) bindings[name] = 'writable-disk';
      else bindings[name] = target?.disk ? `disk:${normalizePath(target.disk.path)}` : `service:${target?.name}`;
    } else if ('durableObjectNamespace' in kind) {
      const ns = kind.durableObjectNamespace;
      bindings[name] = `durable-object:${typeof ns === 'string' ? ns : ns.className}`;
    } else bindings[name] = `capnp ${Object.keys(kind).join(',')}`;
  }

  const durableObjectClasses: RuntimeShape['durableObjectClasses'] = {};
  for (const ns of worker.durableObjectNamespaces ?? []) durableObjectClasses[ns.className] = ns.enableSql ? 'sqlite' : 'kv';

  return {
    compatibilityDate: String(worker.compatibilityDate),
    compatibilityFlags: [...(worker.compatibilityFlags ?? [])].sort(),
    bindings,
    durableObjectClasses,
  };
}

/** Every difference between the two, worded for the person who has to fix it; empty when they agree. */
function drift(wrangler: RuntimeShape, capnp: RuntimeShape): string[] {
  const problems: string[] = [];
  if (wrangler.compatibilityDate !== capnp.compatibilityDate) {
    problems.push(`compatibility date: wrangler.toml ${wrangler.compatibilityDate}, workerd.capnp ${capnp.compatibilityDate}`);
  }
  for (const flag of wrangler.compatibilityFlags) {
    if (!capnp.compatibilityFlags.includes(flag)) problems.push(`compatibility flag ${flag}: only in wrangler.toml`);
  }
  for (const flag of capnp.compatibilityFlags) {
    if (!wrangler.compatibilityFlags.includes(flag)) problems.push(`compatibility flag ${flag}: only in workerd.capnp`);
  }
  const compare = (what: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(name in b)) problems.push(`${what} ${name}: only in wrangler.toml`);
      else if (!(name in a)) problems.push(`${what} ${name}: only in workerd.capnp`);
      else if (a[name] !== b[name]) problems.push(`${what} ${name}: wrangler.toml ${a[name]}, workerd.capnp ${b[name]}`);
    }
  };
  compare('binding', wrangler.bindings, capnp.bindings);
  compare('Durable Object class', wrangler.durableObjectClasses, capnp.durableObjectClasses);
  return problems;
}

describe('wrangler.toml and workerd.capnp', () => {
  it('declare the same Durable Object classes, bindings and compatibility settings', () => {
    expect(drift(wranglerShape(wranglerToml), capnpShape(workerdCapnp))).toEqual([]);
  });

  it('read as the runtime Hearth expects', () => {
    const shape = capnpShape(workerdCapnp);
    expect(shape.durableObjectClasses).toEqual({ Directory: 'sqlite', Workspace: 'sqlite', Channel: 'sqlite', DiagramCache: 'sqlite' });
    expect(shape.bindings).toMatchObject({
      REGISTRATION_MODE: 'var',
      PLANTUML_URL: 'var',
      PLANTUML_NET: 'service:lan',
      ASSETS: 'disk:web/dist',
      FILES: 'writable-disk',
      DIRECTORY: 'durable-object:Directory',
      WORKSPACES: 'durable-object:Workspace',
      CHANNELS: 'durable-object:Channel',
      DIAGRAMS: 'durable-object:DiagramCache',
    });
    expect(shape.compatibilityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reach the PlantUML server through private addresses only, never the internet', () => {
    const config = Object.values(parseCapnp(workerdCapnp)).find((c) => Array.isArray((c as Table).services)) as Table;
    const lan = config.services.find((s: Table) => s.name === 'lan');
    expect(lan).toEqual({ name: 'lan', network: { allow: ['private'] } });
  });
});

describe('the drift check fails when the configs differ', () => {
  /** Applies a textual edit, insisting that it changed something. */
  const edit = (source: string, from: string | RegExp, to: string) => {
    const edited = source.replace(from, to);
    expect(edited, `edit of ${from} changed nothing`).not.toBe(source);
    return edited;
  };
  const driftAfter = (toml: string, capnp: string, writableDisks?: readonly string[]) => drift(wranglerShape(toml, writableDisks), capnpShape(capnp));

  it.each<[string, () => string[], RegExp]>([
    [
      'a different compatibility date',
      () => driftAfter(edit(wranglerToml, /compatibility_date = "[^"]+"/, 'compatibility_date = "2020-01-01"'), workerdCapnp),
      /^compatibility date: wrangler.toml 2020-01-01/,
    ],
    [
      'a compatibility flag in one only',
      () => driftAfter(wranglerToml, edit(workerdCapnp, 'compatibilityFlags = [', 'compatibilityFlags = ["nodejs_compat", ')),
      /^compatibility flag nodejs_compat: only in workerd.capnp$/,
    ],
    [
      'a var missing from workerd.capnp',
      () => driftAfter(wranglerToml, edit(workerdCapnp, /\s*\(name = "INSTANCE_NAME"[^)]*\),/, '')),
      /^binding INSTANCE_NAME: only in wrangler.toml$/,
    ],
    [
      'a var added to wrangler.toml only',
      () => driftAfter(edit(wranglerToml, '[vars]', '[vars]\nEXTRA = "1"'), workerdCapnp),
      /^binding EXTRA: only in wrangler.toml$/,
    ],
    [
      'a binding of another kind under the same name',
      () => driftAfter(wranglerToml, edit(workerdCapnp, '(name = "MAX_CONNECTIONS", fromEnvironment = "HEARTH_MAX_CONNECTIONS")', '(name = "MAX_CONNECTIONS", service = "web")')),
      /^binding MAX_CONNECTIONS: wrangler.toml var, workerd.capnp disk:web\/dist$/,
    ],
    [
      'static files served from another folder',
      () => driftAfter(edit(wranglerToml, 'directory = "./web/dist"', 'directory = "./web/build"'), workerdCapnp),
      /^binding ASSETS: wrangler.toml disk:web\/build, workerd.capnp disk:web\/dist$/,
    ],
    [
      'a Durable Object binding pointing at another class',
      () => driftAfter(wranglerToml, edit(workerdCapnp, '(name = "CHANNELS", durableObjectNamespace = "Channel")', '(name = "CHANNELS", durableObjectNamespace = "Workspace")')),
      /^binding CHANNELS: wrangler.toml durable-object:Channel, workerd.capnp durable-object:Workspace$/,
    ],
    [
      'a Durable Object class missing from workerd.capnp',
      () => driftAfter(wranglerToml, edit(workerdCapnp, /\s*\(className = "Channel"[^)]*\),/, '')),
      /^Durable Object class Channel: only in wrangler.toml$/,
    ],
    [
      'a Durable Object class without SQLite in workerd.capnp',
      () => driftAfter(wranglerToml, edit(workerdCapnp, '(className = "Directory", uniqueKey = "hearth-directory", enableSql = true)', '(className = "Directory", uniqueKey = "hearth-directory")')),
      /^Durable Object class Directory: wrangler.toml sqlite, workerd.capnp kv$/,
    ],
    [
      'a class added by a later wrangler migration only',
      () => driftAfter(edit(wranglerToml, /$/, '\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Presence"]\n'), workerdCapnp),
      /^Durable Object class Presence: only in wrangler.toml$/,
    ],
    [
      'a writable disk service the tests do not provide',
      () => driftAfter(wranglerToml, workerdCapnp, []),
      /^binding FILES: only in workerd.capnp$/,
    ],
    [
      'uploads bound to a read-only folder in workerd.capnp',
      () => driftAfter(wranglerToml, edit(workerdCapnp, '(name = "files", disk = (path = "data/files", writable = true))', '(name = "files", disk = (path = "data/files"))')),
      /^binding FILES: wrangler.toml writable-disk, workerd.capnp disk:data\/files$/,
    ],
    [
      'a binding kind the check does not know',
      () => driftAfter(edit(wranglerToml, /$/, '\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "x"\n'), workerdCapnp),
      /^binding CACHE: only in wrangler.toml$/,
    ],
  ])('%s', (_what, run, expected) => {
    const problems = run();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

describe('the capnp reader', () => {
  it('reads structs, lists, strings, booleans, enums, embeds and references', () => {
    const parsed = parseCapnp(`
      using Workerd = import "/workerd/workerd.capnp"; # a comment
      const a :Workerd.Config = ( list = [1, "two", true], nested = (ref = .b, file = embed "x.js", mode = http) );
      const b :Workerd.Worker = ( escaped = "say \\"hi\\"" );
    `);
    expect(parsed).toEqual({
      a: { list: [1, 'two', true], nested: { ref: { $ref: 'b' }, file: { $embed: 'x.js' }, mode: { $enum: 'http' } } },
      b: { escaped: 'say "hi"' },
    });
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => parseCapnp('const a :T = ( x = ;')).toThrow();
    expect(() => parseCapnp('const a :T = "open')).toThrow(/unterminated/);
  });
});
