/**
 * What PlantUML's SVG goes through before it is shown (web/src/lib/markdown/plantuml.ts),
 * in Debian's Chromium: a hostile drawing loses everything that could run, fetch or embed,
 * a real drawing keeps its look, and what is left is XML that loads as an image. The whole
 * path through the server is in test/e2e/plantuml.test.ts.
 */
import { describe, expect, it } from 'vitest';
import HOSTILE_SVG from '../data/plantuml/hostile.svg?raw';
import sequenceSvg from '../data/plantuml/sequence.svg?raw';
import syntaxErrorSvg from '../data/plantuml/syntax-error.svg?raw';
import { useMarkdownPage } from './markdown-page';

const markdownPage = useMarkdownPage("export { sanitizeSvg } from './plantuml';");

interface Audit {
  /** What the sanitizer returned, parsed back as XML: null when it returned null. */
  xmlError: string | null;
  tags: string[];
  attributes: string[];
  /** Attribute values (namespace declarations aside) that refer to anything at all. */
  references: string[];
  styleText: string;
  text: string;
}

/** Sanitizes `svg` in the page and describes what came out. */
function audit(svg: string): Promise<Audit | null> {
  return markdownPage.page.evaluate((input) => {
    const w = window as unknown as { hearthMarkdown: typeof import('../../web/src/lib/markdown/plantuml') };
    const clean = w.hearthMarkdown.sanitizeSvg(input, window);
    if (clean === null) return null;
    const doc = new DOMParser().parseFromString(clean, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      xmlError: doc.querySelector('parsererror')?.textContent ?? null,
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      attributes: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
      references: all
        .flatMap((e) => [...e.attributes].filter((a) => !a.name.startsWith('xmlns')).map((a) => a.value))
        .filter((v) => /url\(|\/\/|javascript|data:/i.test(v)),
      styleText: all.filter((e) => e.localName === 'style').map((e) => e.textContent).join(''),
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
}

/** Shows sanitized `svg` as an <img> from a blob: URL, as plantuml.ts does, and reports what happened. */
function showAsImage(svg: string) {
  return markdownPage.page.evaluate(async (input) => {
    const w = window as unknown as { __pwned?: number; hearthMarkdown: typeof import('../../web/src/lib/markdown/plantuml') };
    const clean = w.hearthMarkdown.sanitizeSvg(input, window)!;
    const img = document.createElement('img');
    const loaded = new Promise<boolean>((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
    });
    img.src = URL.createObjectURL(new Blob([clean], { type: 'image/svg+xml' }));
    document.body.appendChild(img);
    const ok = await loaded;
    for (const type of ['load', 'click', 'mouseover', 'error']) img.dispatchEvent(new Event(type));
    await new Promise((r) => setTimeout(r, 100));
    return { ok, width: img.naturalWidth, height: img.naturalHeight, pwned: w.__pwned ?? null };
  }, svg);
}

describe('sanitizing a PlantUML drawing', () => {
  it('leaves a hostile drawing nothing that runs, fetches or embeds', async () => {
    const result = (await audit(HOSTILE_SVG))!;
    expect(result.xmlError).toBeNull();
    expect(result.tags).toEqual(['defs', 'filter', 'linearGradient', 'rect', 'stop', 'svg', 'text', 'textPath']);
    expect(result.attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(result.attributes).not.toContain('style');
    expect(result.attributes).not.toContain('href');
    expect(result.attributes).not.toContain('xlink:href');
    // The only reference left points inside the drawing.
    expect(result.references).toEqual(['url(#g)']);
    expect(result.styleText).toBe('');
    expect(result.text).not.toContain('@import');
    expect(result.text).toContain('Alice -> Bob');
    expect(result.text).not.toContain('__pwned');
  });

  it('shows what is left as an image, running nothing and asking for nothing', async () => {
    const before = markdownPage.requests.length;
    const shown = await showAsImage(HOSTILE_SVG);
    expect(shown).toEqual({ ok: true, width: 220, height: 60, pwned: null });
    expect(markdownPage.requests.slice(before).filter((url) => !url.startsWith('blob:'))).toEqual([]);
  });

  it("keeps a real PlantUML drawing's shapes, filters and styles", async () => {
    const result = (await audit(sequenceSvg))!;
    expect(result.xmlError).toBeNull();
    expect(result.tags).toEqual(
      ['defs', 'ellipse', 'feBlend', 'feColorMatrix', 'feGaussianBlur', 'feOffset', 'filter', 'g', 'line', 'path', 'polygon', 'rect', 'svg', 'text'].sort(),
    );
    for (const attribute of ['fill', 'filter', 'viewBox', 'textLength', 'font-family', 'stdDeviation', 'points', 'd', 'stroke', 'stroke-width', 'stroke-dasharray']) {
      expect(result.attributes).toContain(attribute);
    }
    expect(result.attributes).not.toContain('style');
    expect(result.text).toContain('Pump inspection');
    expect(result.text).toContain('nightly copy');
    expect(await showAsImage(sequenceSvg)).toEqual({ ok: true, width: 306, height: 355, pwned: null });
  });

  it('turns style attributes into presentation attributes, which are no CSS, keeping only what SVG knows', async () => {
    const styled = (style: string) =>
      markdownPage.page.evaluate((input) => {
        const w = window as unknown as { hearthMarkdown: typeof import('../../web/src/lib/markdown/plantuml') };
        const clean = w.hearthMarkdown.sanitizeSvg(input, window)!;
        const rect = new DOMParser().parseFromString(clean, 'image/svg+xml').querySelector('rect')!;
        return Object.fromEntries([...rect.attributes].map((a) => [a.name, a.value]));
      }, `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" STYLE = "${style}"/></svg>`);
    expect(await styled('stroke: #A80036; stroke-width: 1.0; stroke-dasharray: 5.0,5.0; fill: url(#g); color: rgb(1, 2, 3)')).toEqual({
      width: '1',
      stroke: '#A80036',
      'stroke-width': '1.0',
      'stroke-dasharray': '5.0,5.0',
      fill: 'url(#g)',
      color: 'rgb(1, 2, 3)',
    });
    expect(await styled('cursor: pointer; position: fixed; width: 10000px; fill: red !important; stroke: expression(alert(1)); opacity: .5')).toEqual({ width: '1', opacity: '.5' });
    expect(await styled('fill: red; stroke: url(http://198.51.100.7/x)')).toEqual({ width: '1' });
  });

  it("keeps PlantUML's picture of a syntax error", async () => {
    const result = (await audit(syntaxErrorSvg))!;
    expect(result.text).toContain('Syntax Error?');
    expect((await showAsImage(syntaxErrorSvg)).ok).toBe(true);
  });

  it('refuses what is not an SVG drawing', async () => {
    for (const input of ['', 'Bad gateway', '<!doctype html><p>Proxy error</p>', '<img src=x onerror="window.__pwned=9">', '<math><mi>x</mi></math>']) {
      expect(await audit(input), input).toBeNull();
    }
  });
});
