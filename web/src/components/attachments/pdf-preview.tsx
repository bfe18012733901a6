import type { JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { FileFrame } from './file-frame';

/**
 * A PDF in the browser's own viewer, in a frame. The frame has no `sandbox` attribute (that
 * stops Chromium's viewer from starting); the file response's own `CSP: sandbox` still applies,
 * and Chromium's viewer runs under it (checked in Debian's Chromium, see files.test.ts).
 */
export function PdfPreview(props: { file: Attachment; place: FilePlace }): JSX.Element {
  return (
    <FileFrame file={props.file} place={props.place} label="PDF">
      <iframe class="file-pdf" src={`${fileUrl(props.place, props.file)}#view=FitH&navpanes=0`} title={props.file.name} loading="lazy" data-testid="pdf-frame" />
    </FileFrame>
  );
}
