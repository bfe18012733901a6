/**
 * The composer's formatting shortcuts as text transforms (web/src/lib/composer/format-keys.ts).
 * Drafts are written with the selection between ‹ and ›, or the caret as ‸.
 */
import { describe, expect, it } from 'vitest';
import { formatForKey, shortcutLabel, toggleFormat, type Format, type KeyPress } from '../../web/src/lib/composer/format-keys';
import { shortcodeAtCaret } from '../../web/src/lib/composer/shortcode-query';

function draft(marked: string) {
  const caret = marked.indexOf('‸');
  if (caret >= 0) return { value: marked.replace('‸', ''), start: caret, end: caret };
  const start = marked.indexOf('‹');
  const end = marked.indexOf('›') - 1;
  return { value: marked.replace('‹', '').replace('›', ''), start, end };
}

/** Applies the shortcut to a marked draft and marks the result the same way. */
function press(format: Format, marked: string): string {
  const before = draft(marked);
  const edit = toggleFormat(format, before);
  const value = before.value.slice(0, edit.from) + edit.text + before.value.slice(edit.to);
  if (edit.selectStart === edit.selectEnd) return `${value.slice(0, edit.selectStart)}‸${value.slice(edit.selectStart)}`;
  return `${value.slice(0, edit.selectStart)}‹${value.slice(edit.selectStart, edit.selectEnd)}›${value.slice(edit.selectEnd)}`;
}

describe('bold, italic, strikethrough', () => {
  it('wrap the selection and keep it selected', () => {
    expect(press('bold', 'say ‹hello› there')).toBe('say **‹hello›** there');
    expect(press('italic', 'say ‹hello› there')).toBe('say *‹hello›* there');
    expect(press('strike', 'say ‹hello› there')).toBe('say ~~‹hello›~~ there');
  });

  it('unwrap when pressed again, markers outside or inside the selection', () => {
    expect(press('bold', 'say **‹hello›** there')).toBe('say ‹hello› there');
    expect(press('bold', 'say ‹**hello**› there')).toBe('say ‹hello› there');
    expect(press('italic', 'say *‹hello›* there')).toBe('say ‹hello› there');
    expect(press('italic', 'say _‹hello›_ there')).toBe('say ‹hello› there');
    expect(press('strike', 'say ‹~~hello~~› there')).toBe('say ‹hello› there');
    expect(press('bold', press('bold', 'a ‹b› c'))).toBe('a ‹b› c');
  });

  it('tell bold from italic: Ctrl+I on bold adds italic, and takes it off again', () => {
    expect(press('italic', '**‹hot›**')).toBe('***‹hot›***');
    expect(press('italic', '***‹hot›***')).toBe('**‹hot›**');
    expect(press('bold', '***‹hot›***')).toBe('*‹hot›*');
  });

  it('leave white space the selection took outside the markers', () => {
    expect(press('bold', 'say ‹hello ›there')).toBe('say **‹hello›** there');
    expect(press('italic', '‹ padded  ›')).toBe(' *‹padded›*  ');
  });

  it('insert a pair with the caret between, and take an empty pair out again', () => {
    expect(press('bold', 'say ‸')).toBe('say **‸**');
    expect(press('bold', 'say **‸**')).toBe('say ‸');
    expect(press('strike', '‸')).toBe('~~‸~~');
    expect(press('italic', 'x ‸ y')).toBe('x *‸* y');
  });

  it('never take a snake_case underscore for emphasis', () => {
    expect(press('italic', 'snake_‹case›_name')).toBe('snake_*‹case›*_name');
  });

  it('wrap each line of a selection over several lines, after list and quote markers', () => {
    expect(press('bold', '‹- one\n- two\n\n> three›')).toBe('‹- **one**\n- **two**\n\n> **three**›');
    expect(press('bold', '‹- **one**\n- **two**›')).toBe('‹- one\n- two›');
    expect(press('strike', '‹1. [ ] buy milk\n2. [x] call Ben›')).toBe('‹1. [ ] ~~buy milk~~\n2. [x] ~~call Ben~~›');
  });
});

describe('code', () => {
  it('wraps a word or phrase as inline code, and unwraps it', () => {
    expect(press('code', 'run ‹npm test› now')).toBe('run `‹npm test›` now');
    expect(press('code', 'run `‹npm test›` now')).toBe('run ‹npm test› now');
    expect(press('code', 'run ‹`npm test`› now')).toBe('run ‹npm test› now');
  });

  it('uses a longer run when the code holds backticks', () => {
    expect(press('code', '‹a`b›')).toBe('``‹a`b›``');
    expect(press('code', '‹`tick›')).toBe('`` ‹`tick› ``');
    expect(press('code', '`` ‹`tick› ``')).toBe('‹`tick›');
  });

  it('inserts a pair at the caret', () => {
    expect(press('code', 'x ‸')).toBe('x `‸`');
    expect(press('code', 'x `‸`')).toBe('x ‸');
  });

  it('fences a selection over several lines, whole lines, and unfences it', () => {
    expect(press('code', 'look:\nconst a‹ = 1;\nconst b = 2;›\nok?')).toBe('look:\n```\n‹const a = 1;\nconst b = 2;›\n```\nok?');
    expect(press('code', 'look:\n```\n‹const a = 1;\nconst b = 2;›\n```\nok?')).toBe('look:\n‹const a = 1;\nconst b = 2;›\nok?');
    expect(press('code', '‹```ts\nlet x;\n```›')).toBe('‹let x;›');
  });

  it('fences with more backticks than a fence inside', () => {
    expect(press('code', '‹see\n```\nx\n```›')).toBe('````\n‹see\n```\nx\n```›\n````');
  });
});

describe('shortcut keys', () => {
  const key = (k: Partial<KeyPress>): KeyPress => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...k });

  it('are Ctrl elsewhere and Cmd on Apple systems', () => {
    expect(formatForKey(key({ key: 'b', ctrlKey: true }), false)).toBe('bold');
    expect(formatForKey(key({ key: 'b', ctrlKey: true }), true)).toBeNull();
    expect(formatForKey(key({ key: 'b', metaKey: true }), true)).toBe('bold');
    expect(formatForKey(key({ key: 'i', ctrlKey: true }), false)).toBe('italic');
    expect(formatForKey(key({ key: 'e', ctrlKey: true }), false)).toBe('code');
  });

  it('need Shift for strikethrough and nothing else', () => {
    expect(formatForKey(key({ key: 'X', ctrlKey: true, shiftKey: true }), false)).toBe('strike');
    expect(formatForKey(key({ key: 'x', ctrlKey: true }), false)).toBeNull();
    expect(formatForKey(key({ key: 'B', ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(formatForKey(key({ key: 'b', ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('follow the physical key when the layout is not Latin', () => {
    expect(formatForKey(key({ key: 'и', code: 'KeyB', ctrlKey: true }), false)).toBe('bold');
  });

  it('are named for tooltips', () => {
    expect(shortcutLabel('strike', false)).toBe('Ctrl+Shift+X');
    expect(shortcutLabel('bold', true)).toBe('⌘B');
  });
});

describe(':shortcode completion', () => {
  const at = (marked: string) => {
    const caret = marked.indexOf('‸');
    return shortcodeAtCaret(marked.replace('‸', ''), caret);
  };

  it('starts after a colon and two characters', () => {
    expect(at(':sm‸')).toEqual({ start: 0, query: 'sm' });
    expect(at('nice :Tada‸')).toEqual({ start: 5, query: 'tada' });
    expect(at('(:+1‸')).toEqual({ start: 1, query: '+1' });
  });

  it('leaves smileys, times, addresses and finished shortcodes alone', () => {
    expect(at(':s‸')).toBeNull();
    expect(at('at 12:30‸')).toBeNull();
    expect(at('see http://host‸')).toBeNull();
    expect(at(':tada:‸')).toBeNull();
  });

  it('is off inside code', () => {
    expect(at('`:tada‸')).toBeNull();
    expect(at('`x` :tada‸')).toEqual({ start: 4, query: 'tada' });
    expect(at('```\n:tada‸')).toBeNull();
    expect(at('```\nx\n```\n:tada‸')).toEqual({ start: 10, query: 'tada' });
  });
});
