/**
 * A fenced block's info string as micromark writes it into a class: ```` ```ts:src/app.ts ````
 * becomes `language-ts:src/app.ts`. The language and the optional file name are each held to a
 * narrow alphabet; a file name that fails is dropped and the language kept. Both are only
 * ever shown as text.
 */
const LANGUAGE = /^[\w#+.-]{1,40}$/;
const FILE_NAME = /^[\w./@+-]{1,200}$/;
const PREFIX = 'language-';

export interface CodeInfo {
  language: string;
  file: string | null;
}

/** The language and file name in a `language-…` class, or null when it holds neither safely. */
export function parseCodeClass(className: string): CodeInfo | null {
  if (!className.startsWith(PREFIX)) return null;
  const info = className.slice(PREFIX.length);
  const colon = info.indexOf(':');
  const language = colon === -1 ? info : info.slice(0, colon);
  if (!LANGUAGE.test(language)) return null;
  const file = colon === -1 ? null : info.slice(colon + 1);
  return { language, file: file !== null && FILE_NAME.test(file) ? file : null };
}

/** The class the sanitizer keeps for a code element, rebuilt from its parts, or null to drop it. */
export function safeCodeClass(className: string): string | null {
  const info = parseCodeClass(className);
  if (!info) return null;
  return info.file === null ? PREFIX + info.language : `${PREFIX}${info.language}:${info.file}`;
}
