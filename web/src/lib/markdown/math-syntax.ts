/**
 * `$…$` and `$$…$$` in messages (micromark's math syntax) written as code elements, so the
 * sanitizer's allow-list covers them unchanged and code-aware passes (mentions, shortcodes)
 * leave TeX alone; math.ts draws them once the message is in the page.
 *
 *   $x$ → <code class="language-math-inline">   $$x$$ → <code class="language-math-display">
 *   $$ on its own lines, or ```math → <pre><code class="language-math">
 *
 * Pandoc's rule keeps prices as text: `costs $5 and $10` is not math, because what lies
 * between the dollars starts or ends with a space.
 */
import { math } from 'micromark-extension-math';
import type { CompileContext, HtmlExtension, Token } from 'micromark-util-types';

export const MATH_SYNTAX = math({ singleDollarTextMath: true });

export const MATH_HTML: HtmlExtension = {
  enter: {
    mathFlow() {
      this.lineEndingIfNeeded();
      this.tag('<pre><code class="language-math">');
    },
    mathFlowFenceMeta() {
      this.buffer();
    },
    mathText() {
      this.buffer();
    },
  },
  exit: {
    mathFlow() {
      const value = this.resume();
      this.raw(value.replace(/(?:\r?\n|\r)$/, ''));
      this.tag('</code></pre>');
      this.setData('mathFlowOpen');
      this.setData('slurpOneLineEnding');
    },
    mathFlowFence() {
      // After the opening fence: collect the value.
      if (!this.getData('mathFlowOpen')) {
        this.setData('mathFlowOpen', true);
        this.setData('slurpOneLineEnding', true);
        this.buffer();
      }
    },
    mathFlowFenceMeta() {
      this.resume();
    },
    mathFlowValue(token) {
      this.raw(this.encode(this.sliceSerialize(token)));
    },
    mathText(token) {
      const value = this.resume();
      writeMathText(this, token, value);
    },
    mathTextData(token) {
      this.raw(this.encode(this.sliceSerialize(token)));
    },
  },
};

function writeMathText(context: CompileContext, token: Token, value: string): void {
  const source = context.sliceSerialize(token);
  const dollars = /^\$+/.exec(source)![0].length;
  const inner = source.slice(dollars, source.length - dollars);
  if (/^\s|\s$/.test(inner)) {
    context.raw(context.encode(source));
    return;
  }
  const kind = dollars === 1 ? 'inline' : 'display';
  context.tag(`<code class="language-math-${kind}">`);
  context.raw(value);
  context.tag('</code>');
}
