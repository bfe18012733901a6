import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { assertBuilt, HearthServer } from './server';

export interface Hearth {
  readonly server: HearthServer;
  readonly browser: Browser;
}

/**
 * One workerd and one Chromium for the test file that calls this (inside its
 * top-level describe), started before its first test and stopped after its last.
 * `env` gives the server HEARTH_* settings, read when it starts.
 */
export function useHearth(env: () => Record<string, string> = () => ({})): Hearth {
  let server: HearthServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    assertBuilt();
    // Assigned as each comes up, so afterAll stops whichever started even if the other failed.
    await Promise.all([HearthServer.start(env()).then((s) => (server = s)), launchChromium().then((b) => (browser = b))]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  return {
    get server() {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
  };
}
