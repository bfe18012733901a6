import type { RegistrationMode } from '../../shared/model';
import type { DirectoryDb } from './db';
import * as schema from './schema';

const ROW_ID = 1;

/** What an administrator has set; null where they have not, so the environment's default applies. */
export interface StoredInstanceSettings {
  name: string | null;
  registrationMode: RegistrationMode | null;
}

export function storedSettings(db: DirectoryDb): StoredInstanceSettings {
  const row = db.select().from(schema.instanceSettings).get();
  return { name: row?.name ?? null, registrationMode: row?.registrationMode ?? null };
}

/** Sets the given settings and leaves the others as they were. */
export function updateSettings(db: DirectoryDb, change: Partial<StoredInstanceSettings>, now: number): StoredInstanceSettings {
  const values = { ...change, updatedAt: now };
  db.insert(schema.instanceSettings)
    .values({ id: ROW_ID, ...values })
    .onConflictDoUpdate({ target: schema.instanceSettings.id, set: values })
    .run();
  return storedSettings(db);
}
