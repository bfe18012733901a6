import { essenceOf } from '../../../../src/shared/files';
import type { Attachment } from '../../../../src/shared/model';
import { extensionOf, isTextExtension } from '../../lib/files/file-type';

/** How a file is shown in its message. */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'html' | 'markdown' | 'csv' | 'plantuml' | 'text' | 'card';

export function previewKind(file: Attachment): PreviewKind {
  const type = essenceOf(file.type);
  const extension = extensionOf(file.name);
  if (file.kind === 'image') return 'image';
  if (file.kind === 'video') return 'video';
  if (file.kind === 'audio') return 'audio';
  if (file.kind === 'pdf') return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || extension === 'md' || extension === 'markdown') return 'markdown';
  if (type === 'text/csv' || type === 'text/tab-separated-values' || extension === 'csv' || extension === 'tsv') return 'csv';
  if (type === 'text/x-plantuml' || extension === 'puml' || extension === 'plantuml') return 'plantuml';
  if (file.kind === 'text' || isTextExtension(file.name)) return 'text';
  return 'card';
}
