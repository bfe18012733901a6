/**
 * The languages Hearth highlights, each a highlight.js grammar in its own chunk, loaded the
 * first time a message uses it. A fence's language is looked up here by any of its usual
 * names; one not listed is shown as plain text under the name its author wrote.
 */
import type { LanguageFn } from 'highlight.js';

type Load = () => Promise<{ default: LanguageFn }>;

interface Language {
  /** highlight.js's name for the grammar; null for plain text, which needs none. */
  grammar: string | null;
  load: Load | null;
  label: string;
}

/** One grammar, the label shown for it, and the names a fence may call it by. */
const GRAMMARS: [grammar: string, load: Load, label: string, names: string[]][] = [
  ['typescript', () => import('highlight.js/lib/languages/typescript'), 'TypeScript', ['ts', 'typescript', 'tsx', 'mts', 'cts']],
  ['javascript', () => import('highlight.js/lib/languages/javascript'), 'JavaScript', ['js', 'javascript', 'jsx', 'mjs', 'cjs', 'node']],
  ['python', () => import('highlight.js/lib/languages/python'), 'Python', ['py', 'python', 'python3', 'py3']],
  ['java', () => import('highlight.js/lib/languages/java'), 'Java', ['java']],
  ['c', () => import('highlight.js/lib/languages/c'), 'C', ['c', 'h']],
  ['cpp', () => import('highlight.js/lib/languages/cpp'), 'C++', ['cpp', 'c++', 'cc', 'cxx', 'hpp', 'hh', 'hxx']],
  ['csharp', () => import('highlight.js/lib/languages/csharp'), 'C#', ['cs', 'csharp', 'c#']],
  ['go', () => import('highlight.js/lib/languages/go'), 'Go', ['go', 'golang']],
  ['rust', () => import('highlight.js/lib/languages/rust'), 'Rust', ['rs', 'rust']],
  ['bash', () => import('highlight.js/lib/languages/bash'), 'Shell', ['bash', 'sh', 'shell', 'zsh', 'ksh']],
  ['shell', () => import('highlight.js/lib/languages/shell'), 'Console', ['console', 'shellsession']],
  ['powershell', () => import('highlight.js/lib/languages/powershell'), 'PowerShell', ['powershell', 'ps1', 'pwsh']],
  ['sql', () => import('highlight.js/lib/languages/sql'), 'SQL', ['sql']],
  ['json', () => import('highlight.js/lib/languages/json'), 'JSON', ['json', 'jsonc', 'json5']],
  ['yaml', () => import('highlight.js/lib/languages/yaml'), 'YAML', ['yaml', 'yml']],
  ['xml', () => import('highlight.js/lib/languages/xml'), 'XML', ['xml', 'xsd', 'xsl', 'plist', 'svg']],
  ['xml', () => import('highlight.js/lib/languages/xml'), 'HTML', ['html', 'htm', 'xhtml', 'vue']],
  ['css', () => import('highlight.js/lib/languages/css'), 'CSS', ['css']],
  ['scss', () => import('highlight.js/lib/languages/scss'), 'SCSS', ['scss']],
  ['markdown', () => import('highlight.js/lib/languages/markdown'), 'Markdown', ['md', 'markdown', 'gfm']],
  ['diff', () => import('highlight.js/lib/languages/diff'), 'Diff', ['diff', 'patch']],
  ['kotlin', () => import('highlight.js/lib/languages/kotlin'), 'Kotlin', ['kt', 'kotlin', 'kts']],
  ['php', () => import('highlight.js/lib/languages/php'), 'PHP', ['php']],
  ['ruby', () => import('highlight.js/lib/languages/ruby'), 'Ruby', ['rb', 'ruby', 'gemspec', 'rake']],
  ['swift', () => import('highlight.js/lib/languages/swift'), 'Swift', ['swift']],
  ['dockerfile', () => import('highlight.js/lib/languages/dockerfile'), 'Dockerfile', ['dockerfile', 'docker', 'containerfile']],
  ['ini', () => import('highlight.js/lib/languages/ini'), 'INI', ['ini', 'cfg', 'conf', 'editorconfig']],
  ['ini', () => import('highlight.js/lib/languages/ini'), 'TOML', ['toml']],
  ['makefile', () => import('highlight.js/lib/languages/makefile'), 'Makefile', ['makefile', 'make', 'mk']],
  ['lua', () => import('highlight.js/lib/languages/lua'), 'Lua', ['lua']],
];

const PLAIN_NAMES = ['text', 'txt', 'plaintext', 'plain'];

const BY_NAME = new Map<string, Language>();
for (const [grammar, load, label, names] of GRAMMARS) {
  for (const name of names) BY_NAME.set(name, { grammar, load, label });
}
for (const name of PLAIN_NAMES) BY_NAME.set(name, { grammar: null, load: null, label: 'Text' });
// Drawn as diagrams (plantuml.ts); their source, when shown, is plain text.
for (const name of ['plantuml', 'puml']) BY_NAME.set(name, { grammar: null, load: null, label: 'PlantUML' });

/** The language a fence names, or plain text labelled as written when Hearth has no grammar for it. */
export function languageFor(name: string): Language {
  return BY_NAME.get(name.toLowerCase()) ?? { grammar: null, load: null, label: name };
}

/** Every name a fence may use for a highlighted language (for tests). */
export const HIGHLIGHTED_NAMES = [...BY_NAME.entries()].filter(([, l]) => l.grammar !== null).map(([n]) => n);
