import { Match, Switch, type JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { FileFrame } from './file-frame';

/** Video and audio in the browser's own players; the server's Range support makes seeking work. */
export function MediaPreview(props: { file: Attachment; place: FilePlace }): JSX.Element {
  const ratio = () => (props.file.width && props.file.height ? `${props.file.width} / ${props.file.height}` : undefined);
  return (
    <FileFrame file={props.file} place={props.place}>
      <Switch>
        <Match when={props.file.kind === 'video'}>
          <video class="file-video" controls preload="metadata" src={fileUrl(props.place, props.file)} style={{ 'aspect-ratio': ratio() }} data-testid="file-video" />
        </Match>
        <Match when={props.file.kind === 'audio'}>
          <audio class="file-audio" controls preload="metadata" src={fileUrl(props.place, props.file)} data-testid="file-audio" />
        </Match>
      </Switch>
    </FileFrame>
  );
}
