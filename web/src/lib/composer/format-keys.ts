/**
 * Markdown formatting from the keyboard, as pure text transforms: Ctrl/Cmd+B bold, I italic,
 * Shift+X strikethrough, E code. Each toggles: it wraps the selection, or unwraps a selection
 * that is already wrapped (markers selected with it or just outside it), as Slack and GitHub do.
 * text-edit.ts applies the result to a textarea.
 */
import { toggleCode } from './code-format';
import type { Draft, TextEdit } from './draft';
import { toggleEmphasis } from './emphasis';

export type { Draft, TextEdit } from './draft';

export type Format = 'bold' | 'italic' | 'strike' | 'code';

export interface FormatInfo {
  readonly label: string;
  /** The letter pressed with Ctrl (Cmd on Apple systems). */
  readonly key: string;
  readonly shift: boolean;
}

export const FORMATS: Readonly<Record<Format, FormatInfo>> = {
  bold: { label: 'Bold', key: 'b', shift: false },
  italic: { label: 'Italic', key: 'i', shift: false },
  strike: { label: 'Strikethrough', key: 'x', shift: true },
  code: { label: 'Code', key: 'e', shift: false },
};

/** What a key press needs from its event. */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * The format a key press asks for. Apple systems use Cmd (Ctrl+B there moves the caret back);
 * the physical key counts when the layout's letter is not Latin, so a Russian keyboard still bolds.
 */
export function formatForKey(press: KeyPress, apple: boolean): Format | null {
  const modifier = apple ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!modifier || press.altKey) return null;
  const letter = /^[a-z]$/i.test(press.key) ? press.key.toLowerCase() : /^Key[A-Z]$/.test(press.code) ? press.code.slice(3).toLowerCase() : '';
  const found = (Object.keys(FORMATS) as Format[]).find((f) => FORMATS[f].key === letter && FORMATS[f].shift === press.shiftKey);
  return found ?? null;
}

/** "Ctrl+Shift+X", or "⇧⌘X" on Apple systems, for tooltips. */
export function shortcutLabel(format: Format, apple: boolean): string {
  const { key, shift } = FORMATS[format];
  if (apple) return `${shift ? '⇧' : ''}⌘${key.toUpperCase()}`;
  return `Ctrl+${shift ? 'Shift+' : ''}${key.toUpperCase()}`;
}

/** The same shortcut as `aria-keyshortcuts` writes it: "Control+Shift+X", "Meta+B". */
export function ariaShortcut(format: Format, apple: boolean): string {
  const { key, shift } = FORMATS[format];
  return `${apple ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${key.toUpperCase()}`;
}

/** The edit that turns `format` on for the selection, or off when it is already on. */
export function toggleFormat(format: Format, draft: Draft): TextEdit {
  return format === 'code' ? toggleCode(draft) : toggleEmphasis(format, draft);
}
