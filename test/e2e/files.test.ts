/**
 * Files end to end, in Chromium against real workerd: attaching by the paperclip, a drop and a
 * paste, uploads with progress, cancel and retry, the limit checked in the browser, the previews
 * the other person sees, and an uploaded HTML file that cannot reach the app.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, person } from './harness/api';
import { openTab, type Tab } from './harness/browser';
import { useHearth } from './harness/hearth';
import { SCREENSHOT_DIR } from './harness/paths';
import { openChannel, poll, signInContext, twoInOneChannel } from './harness/ui';

const MAX_FILE_MB = 250;
const MB = 1024 * 1024;

const FILES: Record<string, string> = {
  'release-notes.md': '# Release 2.4\n\n- Faster **lathe** controller\n- New `spindle` limits\n\n| Axis | Max |\n| --- | --- |\n| X | 400 |\n',
  'spindle.py': 'def spindle_speed(load: float) -> int:\n    """Revolutions per minute for a load."""\n    if load > 0.8:\n        return 1200\n    return 3000\n',
  'readings.csv': 'time,axis,temperature\n08:00,X,41.5\n08:05,Y,"42,1"\n08:10,Z,43.0\n',
  'restart.puml': '@startuml\nAlice -> Bob: restart\n@enduml\n',
  'manual.pdf': [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 50 >> stream\nBT /F1 24 Tf 40 100 Td (Operating manual) Tj ET\nendstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
  'walkthrough.mp4': 'not really a video',
  'alarm.mp3': 'not really audio',
};

/** The HTML file's script tries everything the app would not want it to reach, and reports each to the page around it. */
const HOSTILE_HTML = `<!doctype html><title>report</title><p>Quarterly report</p><script>
const results = {};
const attempt = (name, read) => { try { results[name] = 'read: ' + String(read()).slice(0, 80); } catch (e) { results[name] = 'blocked: ' + e.name; } };
attempt('parentDocument', () => parent.document.title);
attempt('parentBody', () => parent.document.body.innerHTML.length);
attempt('cookie', () => document.cookie);
attempt('localStorage', () => localStorage.length);
attempt('selfOrigin', () => origin);
fetch('/api/account', { credentials: 'include' }).then((r) => { results.fetch = 'read: ' + r.status; }, (e) => { results.fetch = 'blocked: ' + e.name; })
  .finally(() => parent.postMessage({ hearthSandboxTest: results }, '*'));
</script>`;

const draftFiles = (page: Page) => page.getByTestId('draft-file');
const lastMessage = (page: Page) => page.getByTestId('message').last();

async function attach(page: Page, paths: string[]) {
  await page.getByTestId('file-input').setInputFiles(paths);
}

/** Waits until every attached file has uploaded. */
async function uploaded(page: Page, count: number) {
  await poll(() => draftFiles(page).evaluateAll((chips) => chips.map((c) => (c as HTMLElement).dataset.status)), 60_000).toEqual(Array(count).fill('done'));
}

/**
 * An image made in the page (a gradient and shapes) as a File; a JPEG gets an EXIF block with a
 * GPS marker spliced in after its start, as a phone's photo has.
 */
function makeImageInPage(page: Page, name: string, type: 'image/png' | 'image/jpeg', width: number, height: number, hue: number) {
  return page.evaluateHandle(
    async ([name, type, width, height, hue]) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d')!;
      const gradient = g.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, `hsl(${hue} 70% 55%)`);
      gradient.addColorStop(1, `hsl(${hue + 60} 70% 35%)`);
      g.fillStyle = gradient;
      g.fillRect(0, 0, width, height);
      g.fillStyle = 'rgb(255 255 255 / 0.85)';
      g.beginPath();
      g.arc(width * 0.3, height * 0.45, height * 0.22, 0, Math.PI * 2);
      g.fill();
      g.fillRect(width * 0.55, height * 0.3, width * 0.3, height * 0.35);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.9));
      let bytes = new Uint8Array(await blob.arrayBuffer());
      if (type === 'image/jpeg') {
        const payload = new TextEncoder().encode('Exif\0\0GPSLatitude=51.5074N;GPSLongitude=0.1278W');
        const segment = new Uint8Array(4 + payload.length);
        segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
        segment.set(payload, 4);
        bytes = new Uint8Array([...bytes.subarray(0, 2), ...segment, ...bytes.subarray(2)]);
      }
      return new File([bytes], name, { type });
    },
    [name, type, width, height, hue] as const,
  );
}

/** Records the upload progress of the first attached file the page shows, every 50 ms. */
function recordProgress(page: Page) {
  return page.evaluate(() => {
    const values: number[] = [];
    (window as unknown as { progress: number[] }).progress = values;
    const timer = setInterval(() => {
      const chip = document.querySelector<HTMLElement>('[data-testid=draft-file]');
      if (!chip) return;
      values.push(Number(chip.dataset.progress));
      if (chip.dataset.status === 'done' || chip.dataset.status === 'failed') clearInterval(timer);
    }, 50);
  });
}

async function shoot(target: Page | Locator, name: string, page: Page) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(100);
    await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('files: attaching, uploading with progress, previews, and untrusted HTML kept inert', () => {
  const hearth = useHearth(() => ({ HEARTH_MAX_FILE_MB: String(MAX_FILE_MB) }));
  const who = { ada: person('Ada Lovelace'), ben: person('Ben Okafor') };
  let ada: Tab;
  let ben: Tab;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-files-e2e-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, 'report.html'), HOSTILE_HTML);
    const url = hearth.server.url;
    [ada, ben] = await twoInOneChannel(hearth.browser, url, who.ada, who.ben, 'Machine Shop');
  });

  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('files attached with the paperclip go with a caption, and the other person sees each previewed', async () => {
    await attach(ada.page, Object.keys(FILES).map((name) => path.join(dir, name)));
    await uploaded(ada.page, Object.keys(FILES).length);
    const composer = ada.page.getByTestId('composer');
    await composer.fill('Everything for the 2.4 release');
    await composer.press('Enter');
    await poll(() => draftFiles(ada.page).count()).toBe(0);

    const message = lastMessage(ben.page);
    await poll(() => message.getByTestId('message-body').innerText()).toBe('Everything for the 2.4 release');
    await poll(() => message.getByTestId('file-preview').evaluateAll((all) => all.map((f) => (f as HTMLElement).dataset.name))).toEqual(Object.keys(FILES));

    // Markdown drawn as a message is, with its source a click away.
    const notes = message.locator('[data-name="release-notes.md"]');
    await expect(notes.locator('[data-testid=rendered-file] h1').innerText()).resolves.toBe('Release 2.4');
    expect(await notes.locator('[data-testid=rendered-file] table td').count()).toBe(2);
    await notes.getByTestId('source-toggle').click();
    await poll(() => notes.getByTestId('text-view-code').innerText()).toContain('# Release 2.4');
    await notes.getByTestId('source-toggle').click();

    // Code highlighted, with line numbers.
    const code = message.locator('[data-name="spindle.py"]');
    await poll(() => code.locator('.hljs-keyword').count()).toBeGreaterThan(0);
    expect(await code.locator('.text-view-gutter').innerText()).toBe('1\n2\n3\n4\n5');

    // CSV as a table, quoted commas kept in their cell.
    const csv = message.locator('[data-name="readings.csv"]');
    expect(await csv.locator('th').allInnerTexts()).toEqual(['time', 'axis', 'temperature']);
    expect(await csv.locator('tbody tr').nth(1).locator('td').allInnerTexts()).toEqual(['08:05', 'Y', '42,1']);

    // PlantUML through the messages' own path (no PlantUML server here: its source shows).
    await poll(() => message.locator('[data-name="restart.puml"] [data-testid=rendered-file]').innerText()).toContain('Alice -> Bob');

    // Players for video and audio.
    await expect(message.getByTestId('file-video').getAttribute('src')).resolves.toMatch(/\/files\/[a-z2-7]{16}\/walkthrough\.mp4\?account=/);
    expect(await message.getByTestId('file-audio').count()).toBe(1);
    // The PDF in Chromium's own viewer (its extension frame starts inside ours), despite the response's CSP sandbox.
    expect(await message.getByTestId('pdf-frame').getAttribute('src')).toMatch(/manual\.pdf\?account=/);
    await message.getByTestId('pdf-frame').scrollIntoViewIfNeeded();
    await poll(() => ben.page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(true);
  });

  it('images dropped on the conversation upload without their EXIF location, and open in a lightbox with zoom and arrows', async () => {
    const photo = await makeImageInPage(ada.page, 'lathe.jpg', 'image/jpeg', 1600, 1200, 20);
    const plan = await makeImageInPage(ada.page, 'floor-plan.png', 'image/png', 900, 600, 200);
    const column = ada.page.locator('.channel-column');
    await column.evaluate((el, files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(f);
      el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [photo, plan]);
    await ada.page.getByTestId('drop-overlay').waitFor();
    await column.evaluate((el, files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(f);
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [photo, plan]);
    expect(await ada.page.getByTestId('drop-overlay').count()).toBe(0);
    await uploaded(ada.page, 2);
    await ada.page.getByTestId('composer').press('Enter');

    const gallery = lastMessage(ben.page).getByTestId('image-gallery');
    await poll(() => gallery.getByTestId('image-thumb').count()).toBe(2);
    // Thumbnails made in the browser, and loaded.
    await poll(() => gallery.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0 && (i as HTMLImageElement).src.includes('/thumbnails/')))).toEqual([true, true]);
    const thumbWidth = await gallery.locator('img').first().evaluate((i) => (i as HTMLImageElement).naturalWidth);
    expect(thumbWidth).toBe(400);

    // The photo as stored has no EXIF block (so no GPS position), and is still a JPEG that decodes (the lightbox below).
    const stored = await gallery.locator('img').first().evaluate(async (img) => {
      const url = (img as HTMLImageElement).src.replace(/\/thumbnails\/([a-z2-7]+)\?/, '/files/$1?');
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const text = new TextDecoder('latin1').decode(bytes);
      return { gps: text.includes('GPSLatitude'), exif: text.includes('Exif\0\0'), jpeg: bytes[0] === 0xff && bytes[1] === 0xd8 };
    });
    expect(stored).toEqual({ gps: false, exif: false, jpeg: true });

    await gallery.getByTestId('image-thumb').first().click();
    const lightbox = ben.page.getByTestId('lightbox');
    await poll(() => lightbox.locator('.lightbox-meta').innerText()).toContain('1 of 2');
    expect(await lightbox.locator('.lightbox-meta').innerText()).toContain('1600×1200');
    await poll(() => lightbox.getByTestId('lightbox-image').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1600);
    await ben.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'files-lightbox.png') });
    await ben.page.keyboard.press('ArrowRight');
    await poll(() => lightbox.locator('.lightbox-meta').innerText()).toContain('2 of 2');
    expect(await lightbox.locator('.lightbox-name').innerText()).toBe('floor-plan.png');
    const fitted = await lightbox.getByTestId('lightbox-image').evaluate((i) => i.clientWidth);
    await ben.page.keyboard.press('+');
    expect(await lightbox.getByTestId('lightbox-zoom').innerText()).toBe('150%');
    expect(await lightbox.getByTestId('lightbox-image').evaluate((i) => i.clientWidth)).toBe(Math.round(fitted * 1.5));
    await lightbox.getByTestId('lightbox-image').click();
    expect(await lightbox.getByTestId('lightbox-zoom').innerText()).toBe('100%');
    await ben.page.keyboard.press('ArrowLeft');
    await poll(() => lightbox.locator('.lightbox-name').innerText()).toBe('lathe.jpg');
    await ben.page.keyboard.press('Escape');
    await poll(() => lightbox.count()).toBe(0);
  });

  it('a video recorded in the page plays for the other person', async () => {
    const clip = await ada.page.evaluateHandle(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start(100);
      for (let frame = 0; frame < 20; frame++) {
        g.fillStyle = `hsl(${frame * 18} 70% 50%)`;
        g.fillRect(0, 0, 320, 180);
        await new Promise((r) => setTimeout(r, 40));
      }
      recorder.stop();
      await stopped;
      return new File(chunks, 'spindle-test.webm', { type: 'video/webm' });
    });
    await ada.page.getByTestId('composer').evaluate((el, file) => {
      const data = new DataTransfer();
      data.items.add(file);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, clip);
    await uploaded(ada.page, 1);
    const statuses: number[] = [];
    const listen = (response: { url(): string; status(): number; request(): { headers(): Record<string, string> } }) => {
      if (response.url().includes('spindle-test.webm') && response.request().headers().range) statuses.push(response.status());
    };
    ben.page.on('response', listen);
    await ada.page.getByTestId('composer').press('Enter');
    const video = lastMessage(ben.page).getByTestId('file-video');
    await poll(() => video.evaluate((v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight])).toEqual([320, 180]);
    // The player asks by Range (as seeking needs); `bytes=0-` for the whole of a small file may be answered 200.
    expect(await video.evaluate((v) => (v as HTMLVideoElement).error)).toBeNull();
    ben.page.off('response', listen);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 206)).toBe(true);
  });

  it('a pasted screenshot is attached (not the HTML beside it) and named for when it was taken', async () => {
    const shot = await makeImageInPage(ada.page, 'image.png', 'image/png', 800, 500, 120);
    const composer = ada.page.getByTestId('composer');
    await composer.evaluate((el, file) => {
      const data = new DataTransfer();
      data.items.add(file);
      data.setData('text/html', '<img src="blob:whatever"><b>pasted</b>');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, shot);
    await uploaded(ada.page, 1);
    expect(await composer.inputValue()).toBe('');
    expect(await draftFiles(ada.page).locator('.draft-file-name').innerText()).toMatch(/^Screenshot \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.png$/);
    await composer.press('Enter');
    await poll(() => lastMessage(ben.page).getByTestId('image-thumb').getAttribute('title')).toMatch(/^Screenshot /);
  });

  it('an uploaded HTML file runs only in a sandbox: it cannot read the app’s page, cookies, storage or API', async () => {
    await ben.page.evaluate(() => {
      const reports: unknown[] = [];
      (window as unknown as { reports: unknown[] }).reports = reports;
      window.addEventListener('message', (e) => {
        if (e.data?.hearthSandboxTest) reports.push({ origin: e.origin, ...e.data.hearthSandboxTest });
      });
      localStorage.setItem('hearth.secret', 'do not read');
    });
    await attach(ada.page, [path.join(dir, 'report.html')]);
    await uploaded(ada.page, 1);
    await ada.page.getByTestId('composer').press('Enter');

    const frame = lastMessage(ben.page).getByTestId('html-frame');
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(await frame.getAttribute('src')).toMatch(/report\.html\?account=[a-z2-7]+&preview=1$/);
    await poll(() => ben.page.evaluate(() => (window as unknown as { reports: unknown[] }).reports.length), 15_000).toBe(1);
    const [report] = await ben.page.evaluate(() => (window as unknown as { reports: Record<string, string>[] }).reports);
    expect(report).toEqual({
      origin: 'null',
      parentDocument: 'blocked: SecurityError',
      parentBody: 'blocked: SecurityError',
      cookie: 'blocked: SecurityError',
      localStorage: 'blocked: SecurityError',
      selfOrigin: 'read: null',
      fetch: 'blocked: TypeError',
    });
  });

  it('a file over the server’s limit is refused in the browser before any upload', async () => {
    const big = path.join(dir, 'too-big.bin');
    truncateSync((writeFileSync(big, ''), big), (MAX_FILE_MB + 1) * MB);
    const posts: string[] = [];
    const listen = (request: { method(): string; url(): string }) => request.method() === 'POST' && request.url().includes('/files') && posts.push(request.url());
    ada.page.on('request', listen);
    await attach(ada.page, [big]);
    const chip = draftFiles(ada.page).first();
    await poll(() => chip.getAttribute('data-status')).toBe('failed');
    expect(await chip.locator('.draft-file-status').innerText()).toBe(`This file is 251 MB; the limit on this server is ${MAX_FILE_MB} MB`);
    expect(await chip.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    expect(await ada.page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    ada.page.off('request', listen);
    expect(posts).toEqual([]);
    await chip.getByRole('button', { name: /^Remove/ }).click();
    await poll(() => draftFiles(ada.page).count()).toBe(0);
  });

  it('a 200 MB upload moves its progress bar, and then sends', async () => {
    const large = path.join(dir, 'machine-image.bin');
    truncateSync((writeFileSync(large, ''), large), 200 * MB);
    await recordProgress(ada.page);
    await attach(ada.page, [large]);
    await uploaded(ada.page, 1);
    const values = await ada.page.evaluate(() => (window as unknown as { progress: number[] }).progress);
    const moving = values.filter((v) => v > 0 && v < 1);
    expect(new Set(moving).size).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await ada.page.getByTestId('composer').fill('The machine image');
    await ada.page.getByTestId('composer').press('Enter');
    const card = lastMessage(ben.page).locator('[data-name="machine-image.bin"]');
    await poll(() => card.locator('.file-frame-size').innerText()).toBe('200 MB');
  });

  it('an upload cancelled half-way can be retried without retyping the caption, and Enter meanwhile sends once it is up', async () => {
    const cdp = await ada.context.newCDPSession(ada.page);
    await cdp.send('Network.enable');
    // Slow enough to cancel in the middle, and to photograph the composer mid-upload.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 2 * MB });
    const medium = path.join(dir, 'logs.tar.gz');
    truncateSync((writeFileSync(medium, ''), medium), 12 * MB);
    const composer = ada.page.getByTestId('composer');
    await composer.fill('Logs from the night shift');
    const photo = await makeImageInPage(ada.page, 'spindle-wear.jpg', 'image/jpeg', 1200, 900, 30);
    await composer.evaluate((el, file) => {
      const data = new DataTransfer();
      data.items.add(file);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, photo);
    await uploaded(ada.page, 1);
    await attach(ada.page, [path.join(dir, 'spindle.py'), path.join(dir, 'readings.csv'), medium]);
    const chip = draftFiles(ada.page).nth(3);
    await poll(() => chip.getAttribute('data-progress').then(Number)).toBeGreaterThan(0.05);
    await poll(() => draftFiles(ada.page).nth(1).getAttribute('data-status')).toBe('done');
    await shoot(ada.page.locator('.channel-column .composer'), 'files-composer', ada.page);

    await chip.getByRole('button', { name: /^Cancel/ }).click();
    await poll(() => chip.getAttribute('data-status')).toBe('failed');
    expect(await chip.locator('.draft-file-status').innerText()).toBe('Cancelled');
    // With a failed file there is nothing to wait for: Send is off until it is retried or removed.
    expect(await ada.page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * MB });
    await chip.getByRole('button', { name: /^Retry/ }).click();
    await poll(() => chip.getAttribute('data-status')).toBe('uploading');
    expect(await composer.inputValue()).toBe('Logs from the night shift');
    // Enter while it uploads: the message goes by itself once the file is up.
    await composer.press('Enter');
    await ada.page.getByTestId('send-queued').waitFor();
    expect(await lastMessage(ben.page).getByTestId('message-body').innerText()).not.toBe('Logs from the night shift');
    await poll(() => lastMessage(ben.page).getByTestId('message-body').innerText(), 20_000).toBe('Logs from the night shift');
    expect(await composer.inputValue()).toBe('');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await poll(() => lastMessage(ben.page).getByTestId('file-preview').count()).toBe(3);
    expect(await lastMessage(ben.page).getByTestId('image-thumb').count()).toBe(1);
    await cdp.detach();
  });

  it('screenshots: a conversation with several previews', async () => {
    await ben.page.setViewportSize({ width: 1280, height: 1900 });
    await ben.page.mouse.move(1270, 10);
    const withFiles = ben.page.getByTestId('message').filter({ has: ben.page.getByTestId('message-files') });
    await withFiles.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const first = (await withFiles.first().boundingBox())!;
    const images = (await withFiles.nth(1).boundingBox())!;
    for (const scheme of ['light', 'dark'] as const) {
      await ben.page.emulateMedia({ colorScheme: scheme });
      await ben.page.waitForTimeout(150);
      await ben.page.screenshot({ path: path.join(SCREENSHOT_DIR, `files-previews-${scheme}.png`), clip: { x: first.x, y: Math.max(0, first.y - 40), width: 760, height: images.y + images.height - first.y + 50 } });
    }
    await ben.page.emulateMedia({ colorScheme: 'light' });
    await ben.page.setViewportSize({ width: 1280, height: 800 });
    await ben.page.getByTestId('files-button').click();
    await ben.page.getByTestId('files-panel').waitFor();
    await poll(() => ben.page.getByTestId('files-item').count()).toBeGreaterThan(5);
    await shoot(ben.page.getByTestId('files-panel'), 'files-panel', ben.page);
    await ben.page.getByRole('button', { name: 'Images' }).click();
    await poll(() => ben.page.getByTestId('files-item').count()).toBe(4);
    await ben.page.keyboard.press('Escape');
  });

  it('account settings show how much of the storage quota the files use', async () => {
    await ada.page.goto('/settings/account');
    await poll(() => ada.page.getByTestId('storage-usage').innerText()).toMatch(/^2\d\d MB of 1 GB used/);
  });
});

describe('files: the storage quota, checked in the browser and enforced by the server', () => {
  const hearth = useHearth(() => ({ HEARTH_USER_QUOTA_MB: '1' }));
  const cleo = person('Cleo Park');
  let tab: Tab;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-quota-e2e-'));
    for (const name of ['first.log', 'second.log']) writeFileSync(path.join(dir, name), 'x'.repeat(700 * 1024));
    const url = hearth.server.url;
    const api = await ApiClient.signUp(url, cleo);
    const { workspaceId, channelId } = await api.createWorkspace('Quota');
    tab = await openTab(hearth.browser, url);
    await signInContext(tab.context, url, cleo);
    await openChannel(tab.page, workspaceId, channelId);
  });

  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('a file past what is left of the quota is refused before upload, with the figures', async () => {
    await attach(tab.page, [path.join(dir, 'first.log')]);
    await uploaded(tab.page, 1);
    await attach(tab.page, [path.join(dir, 'second.log')]);
    const second = draftFiles(tab.page).nth(1);
    await poll(() => second.getAttribute('data-status')).toBe('failed');
    expect(await second.locator('.draft-file-status').innerText()).toBe('Not enough storage left: you use 700 KB of 1 MB. Delete old files to make room.');
    await second.getByRole('button', { name: /^Remove/ }).click();
  });

  it('when the browser’s figures are stale, the server’s refusal is shown as it says it, without Retry', async () => {
    // The browser believes there is room: only the server can refuse.
    await tab.page.route('**/api/account/storage', (route) =>
      route.fulfill({ json: { storage: { usedBytes: 0, quotaBytes: 1024 * MB, maxFileBytes: 100 * MB, maxAttachments: 10 } } }),
    );
    await attach(tab.page, [path.join(dir, 'second.log')]);
    const second = draftFiles(tab.page).nth(1);
    await poll(() => second.getAttribute('data-status')).toBe('failed');
    expect(await second.locator('.draft-file-status').innerText()).toBe('This needs 700 KB, but only 324 KB of your 1 MB file storage is left (700 KB used). Deleting messages with files you no longer need frees space.');
    expect(await second.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    await tab.page.unroute('**/api/account/storage');
  });
});
