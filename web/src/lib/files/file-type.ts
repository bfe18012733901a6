/**
 * The type a file is declared with when the browser knows none (`.puml`, `.log`, `.md` on many
 * systems): the server keeps the declared type and never guesses, so the client names it.
 */
const BY_EXTENSION: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  puml: 'text/x-plantuml; charset=utf-8',
  plantuml: 'text/x-plantuml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  toml: 'application/toml',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
};

/** Extensions of text files shown as text whatever type they carry (source code, logs, configs). */
const TEXT_EXTENSIONS = new Set(['txt', 'log', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'py', 'java', 'c', 'h', 'cpp', 'hpp', 'cs', 'go', 'rs', 'sh', 'bash', 'ps1', 'sql', 'xml', 'css', 'scss', 'diff', 'patch', 'kt', 'php', 'rb', 'swift', 'ini', 'cfg', 'conf', 'lua', 'mk', 'dockerfile']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : name.toLowerCase() === 'makefile' ? 'makefile' : '';
}

/** The type to upload `file` with. */
export function declaredType(file: File): string {
  if (file.type) return file.type;
  const extension = extensionOf(file.name);
  if (BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  return TEXT_EXTENSIONS.has(extension) ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}

export function isTextExtension(name: string): boolean {
  return TEXT_EXTENSIONS.has(extensionOf(name));
}
