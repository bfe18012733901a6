import type { Env } from '../env';

/** Channel objects asked at once when one change reaches many channels. */
const CHANNELS_AT_ONCE = 8;

type ChannelStub = ReturnType<Env['CHANNELS']['get']>;

/**
 * The workspace's line to its channel objects: policy, members' changes,
 * closing sockets, system messages. The workspace's own tables are the truth;
 * channel objects hold copies pushed from here.
 */
export class ChannelObjects {
  constructor(private readonly env: Env) {}

  stub(channelId: string): ChannelStub {
    return this.env.CHANNELS.get(this.env.CHANNELS.idFromName(channelId));
  }

  /**
   * Calls every channel in `channelIds`, a few at a time. A channel that fails is
   * logged and the rest still hear: one broken object must not keep a removed
   * person's sockets open elsewhere.
   */
  async each<T>(channelIds: readonly string[], what: string, call: (stub: ChannelStub, channelId: string) => Promise<T>): Promise<Map<string, T>> {
    return (await this.attempt(channelIds, what, call)).results;
  }

  /** As `each`, but when any channel failed it throws after the others are done, so the caller can report it and retry. */
  async every<T>(channelIds: readonly string[], what: string, call: (stub: ChannelStub, channelId: string) => Promise<T>): Promise<Map<string, T>> {
    const { results, failed } = await this.attempt(channelIds, what, call);
    if (failed > 0) throw new Error(`channel ${what} failed in ${failed} of ${channelIds.length} channels`);
    return results;
  }

  private async attempt<T>(channelIds: readonly string[], what: string, call: (stub: ChannelStub, channelId: string) => Promise<T>) {
    const results = new Map<string, T>();
    let failed = 0;
    for (let i = 0; i < channelIds.length; i += CHANNELS_AT_ONCE) {
      await Promise.all(
        channelIds.slice(i, i + CHANNELS_AT_ONCE).map(async (channelId) => {
          try {
            results.set(channelId, await call(this.stub(channelId), channelId));
          } catch (error) {
            failed++;
            console.error(`channel ${what} failed`, channelId, error);
          }
        }),
      );
    }
    return { results, failed };
  }
}
