import type { Env } from '../env';
import { FileDisk } from '../file-disk';
import type { ChannelDb } from './db';
import * as files from './files';

/** Files purged per round of the alarm; more wait for the next round, a moment later. */
const PURGE_BATCH = 50;
/** After a failed round (the disk or the directory unreachable), the next try. */
const RETRY_MS = 60_000;

/**
 * The channel's file housekeeping, done by its alarm: deleting the bytes of files no longer
 * wanted (a deleted message's, an expired upload's) and giving their quota back, and expiring
 * uploads nobody sent. Work is queued in SQLite first, so a crash or a failure only delays it.
 */
export class FileSweeper {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
    private readonly db: ChannelDb,
  ) {}

  /** Sets the alarm for the next file work, unless it is set sooner already. */
  async schedule(now = Date.now()): Promise<void> {
    const due = files.nextFileWork(this.db, now);
    if (due === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > due) await this.ctx.storage.setAlarm(due);
  }

  async run(now = Date.now()): Promise<void> {
    files.expireUploads(this.db, now);
    try {
      await this.purge(files.pendingPurges(this.db, PURGE_BATCH));
    } catch (error) {
      console.error('file purge failed; retrying later', error);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      return;
    }
    await this.schedule(Date.now());
  }

  /** The channel is being deleted: every file goes now. Failures are logged; the rest still go. */
  async purgeAll(): Promise<void> {
    files.purgeAllFiles(this.db, Date.now());
    for (;;) {
      const batch = files.pendingPurges(this.db, PURGE_BATCH);
      if (batch.length === 0) return;
      try {
        await this.purge(batch);
      } catch (error) {
        console.error('purging the files of a deleted channel failed; some bytes stay on disk', error);
        return;
      }
    }
  }

  private async purge(batch: ReturnType<typeof files.pendingPurges>) {
    if (batch.length === 0) return;
    const disk = this.env.FILES ? new FileDisk(this.env.FILES) : null;
    if (disk) {
      const keys = batch.flatMap((p) => (p.hasThumbnail ? [p.storageKey, files.thumbnailKey(p.storageKey)] : [p.storageKey]));
      await Promise.all(keys.map((key) => disk.delete(key)));
    }
    const fileIds = batch.map((p) => p.fileId);
    await this.env.DIRECTORY.get(this.env.DIRECTORY.idFromName('directory')).releaseFiles(fileIds);
    files.forgetPurges(this.db, fileIds);
  }
}
