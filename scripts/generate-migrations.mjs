// Generates SQL migrations for each Durable Object class from its Drizzle schema
// into migrations/<class>/. Run after changing a schema: npm run db:generate
// (or npm run db:generate -- channel, to generate one object's only).
import { execFileSync } from 'node:child_process';

const all = ['directory', 'workspace', 'channel', 'diagram-cache'];
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) throw new Error(`Unknown object ${unknown.join(', ')}; choose from ${all.join(', ')}`);
const objects = asked.length ? asked : all;
for (const name of objects) {
  execFileSync(
    'drizzle-kit',
    [
      'generate',
      '--dialect=sqlite',
      '--driver=durable-sqlite',
      `--schema=src/durable/${name}/schema.ts`,
      `--out=migrations/${name}`,
    ],
    { stdio: 'inherit' },
  );
}
