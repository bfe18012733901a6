import type { JSX } from 'solid-js';
import { extensionOf } from '../../lib/files/file-type';

/** Colours by family, so a PDF, a sheet and an archive tell apart at a glance. */
const FAMILIES: [RegExp, string][] = [
  [/^pdf$/, 'pdf'],
  [/^(xlsx?|ods|csv|tsv)$/, 'sheet'],
  [/^(docx?|odt|rtf|md|markdown|txt)$/, 'doc'],
  [/^(pptx?|odp|key)$/, 'slides'],
  [/^(zip|gz|tgz|7z|rar|bz2|xz|tar)$/, 'archive'],
  [/^(mp4|webm|mov|mkv|avi|mp3|ogg|wav|flac|m4a)$/, 'media'],
  [/^(png|jpe?g|gif|webp|svg|bmp|avif)$/, 'image'],
  [/^(html?|xml|json|ya?ml|toml|js|ts|tsx|jsx|py|go|rs|c|h|cpp|java|sh|sql|css|log|puml|plantuml)$/, 'code'],
];

/** A file's type as a small coloured tile with its extension. */
export function FileBadge(props: { name: string; size?: 'sm' | 'md' }): JSX.Element {
  const extension = () => extensionOf(props.name).slice(0, 4) || 'file';
  const family = () => FAMILIES.find(([re]) => re.test(extensionOf(props.name)))?.[1] ?? 'other';
  return (
    <span class={`file-badge ${family()} ${props.size ?? 'md'}`} aria-hidden="true">
      {extension()}
    </span>
  );
}
