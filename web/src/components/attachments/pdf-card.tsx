import type { JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { ExternalIcon } from '../icons';
import { FileFrame } from './file-frame';

/**
 * A PDF as a card that opens it in the browser's viewer in a new tab. Not embedded: file
 * responses carry `CSP: sandbox`, and Chromium does not start its PDF viewer in a sandboxed
 * document or frame (it shows "This page has been blocked").
 */
export function PdfCard(props: { file: Attachment; place: FilePlace }): JSX.Element {
  return (
    <FileFrame file={props.file} place={props.place} label="PDF">
      <a class="button file-open" href={fileUrl(props.place, props.file)} target="_blank" rel="noopener noreferrer" data-testid="open-pdf">
        <ExternalIcon size={15} /> Open PDF
      </a>
    </FileFrame>
  );
}
