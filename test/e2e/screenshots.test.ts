import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person, type Person } from './harness/api';
import { openTab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { expectBodies, openChannel, signInContext } from './harness/ui';

const CONVERSATION: [who: 'kim' | 'lee', body: string][] = [
  ['kim', 'Morning! Is the build machine back up?'],
  ['lee', 'Yes, rebooted it at 7. Backups ran fine overnight.'],
  ['lee', 'Logs are in the usual place if you want to check.'],
  ['kim', 'Great. Plan for today:\n1. finish the pump inspection report\n2. swap the filters on line B\n3. lunch at 12:30'],
  ['lee', 'Sounds good. I will take the filters; they need two people for the housing, so ping me when you are done with the report and I will bring the torque wrench and the spare gaskets from the store room.'],
  ['kim', 'Deal 👍'],
];

/** A message using everything Markdown in Hearth can show, as an engineer would write it. */
const SHOWCASE = [
  '**Pump P-101 vibration** — findings from Tuesday :wrench:',
  '',
  '> Readings above *7.1 mm/s* trip the alarm; we saw ~~6.8~~ **7.4** at full load.',
  '',
  '| Sensor | Before | After | Δ |',
  '|:-------|-------:|------:|:-:|',
  '| Bearing DE | 7.4 | 2.1 | ✅ |',
  '| Bearing NDE | 5.9 | 1.8 | ✅ |',
  '',
  '```py:tools/vibration.py',
  'def rms(samples: list[float]) -> float:',
  '    """Root mean square of one window."""',
  '    return (sum(s * s for s in samples) / len(samples)) ** 0.5',
  '```',
  '',
  '```mermaid',
  'graph LR',
  '  A[Alarm] --> B{Above 7.1?}',
  '  B -- yes --> C[Stop pump]',
  '  B -- no --> D[Log reading]',
  '```',
  '',
  'Velocity from acceleration: $v(t) = \\int_0^t a(\\tau)\\,d\\tau$, and over a window',
  '$$',
  'v_{\\mathrm{rms}} = \\sqrt{\\frac{1}{N}\\sum_{i=1}^{N} v_i^2}',
  '$$',
  '- [x] realign coupling',
  '- [ ] replace DE bearing at next shutdown — see [the manual](https://intranet.example/manuals/p101)',
].join('\n');

const MENTION = (username: string) => `@${username} the torque wrench is back in the store room`;

/** Pictures of the main screens in both colour schemes, for a person to look at (test-results/screenshots/). */
describe('screenshots', () => {
  const hearth = useHearth();
  const kim = person('Kim Andersen');
  const lee = person('Lee Okafor');
  let room: { workspaceId: string; channelId: string };

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const url = hearth.server.url;
    const kimApi = await ApiClient.signUp(url, kim);
    room = await kimApi.createWorkspace('Plant Operations');
    const leeApi = await ApiClient.signUp(url, lee, await kimApi.createInvite(room.workspaceId));
    const api = { kim: kimApi, lee: leeApi };
    const seqs: number[] = [];
    for (const [who, body] of CONVERSATION) seqs.push(...(await api[who].send(room.workspaceId, room.channelId, [body])));
    // A busy channel: reactions, a thread under the plan, and a mention.
    const [, status, , plan, filters, deal] = seqs;
    await kimApi.react(room.workspaceId, room.channelId, status, '🙏');
    await leeApi.react(room.workspaceId, room.channelId, plan, '👍');
    await kimApi.react(room.workspaceId, room.channelId, plan, '👍');
    await kimApi.react(room.workspaceId, room.channelId, filters, '💪');
    await leeApi.react(room.workspaceId, room.channelId, deal, '🎉');
    await leeApi.send(room.workspaceId, room.channelId, [
      { body: 'Report template is on the shared drive under QA/2026', threadRoot: plan },
      { body: 'Thanks, found it', threadRoot: plan },
    ]);
    await kimApi.send(room.workspaceId, room.channelId, [{ body: 'Filters on line B need the 40 mm gaskets', threadRoot: plan }]);
    await leeApi.send(room.workspaceId, room.channelId, [MENTION(kim.username)]);
  });

  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  async function screens(colorScheme: 'light' | 'dark', who: Person) {
    const { context, page, errors } = await openTab(hearth.browser, hearth.server.url, { colorScheme });
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await shoot(page, `sign-in-${colorScheme}`);
    const signInBackground = await background(page);

    await signInContext(context, hearth.server.url, who);
    await openChannel(page, room.workspaceId, room.channelId);
    // As read: Markdown rendered (the plan is a list), white space folded.
    const read = (body: string) => body.replace(/\n\d\. /g, ' ').replace(/\s+/g, ' ');
    await expectBodies(page, [...CONVERSATION.map(([, body]) => read(body)), MENTION(kim.username)]);
    await page.getByTestId('thread-summary').waitFor();
    await shoot(page, `workspace-${colorScheme}`);
    const workspaceBackground = await background(page);

    await page.locator('.workspace-name').click();
    await page.getByRole('menuitem', { name: 'Invite people' }).click();
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await page.getByTestId('invite-code').waitFor();
    await shoot(page, `invite-dialog-${colorScheme}`);

    expect(errors).toEqual([]);
    await context.close();
    return { signInBackground, workspaceBackground };
  }

  it('a message using all of Markdown, code, a diagram and math, in light and in dark', async () => {
    const ada = person('Ada Moreau');
    const adaApi = await ApiClient.signUp(hearth.server.url, ada);
    const showroom = await adaApi.createWorkspace('Maintenance');
    await adaApi.send(showroom.workspaceId, showroom.channelId, [SHOWCASE]);
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await openTab(hearth.browser, hearth.server.url, { colorScheme, viewport: { width: 1280, height: 1000 } });
      await signInContext(context, hearth.server.url, ada);
      await openChannel(page, showroom.workspaceId, showroom.channelId);
      const message = page.getByTestId('message-body').last();
      await message.getByTestId('diagram').locator('img').waitFor();
      await message.locator('.math-display .katex').waitFor();
      await message.locator('.hljs-keyword').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await shoot(page, `rich-message-${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the sign-in page, a conversation and the invite dialog render in light and in dark', async () => {
    const light = await screens('light', kim);
    const dark = await screens('dark', kim);
    expect(dark.signInBackground).not.toBe(light.signInBackground);
    expect(dark.workspaceBackground).not.toBe(light.workspaceBackground);
  });
});
