import { createResource, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import type { Attachment } from '../../../../src/shared/model';
import { extensionOf } from '../../lib/files/file-type';
import { fileUrl, type FilePlace } from '../../lib/files/urls';
import { CsvTable } from './csv-table';
import { FileFrame } from './file-frame';
import { fetchFileText } from './file-text';
import { RENDER_MAX_CHARS, RenderedText } from './rendered-text';
import { TextView } from './text-view';

const LABELS = { markdown: 'Markdown', csv: 'CSV', plantuml: 'PlantUML', text: '' } as const;

/** A text file read into the message: Markdown and PlantUML drawn, CSV as a table, the rest highlighted with line numbers; each with its source a click away. */
export function TextFilePreview(props: { file: Attachment; place: FilePlace; as: 'markdown' | 'csv' | 'plantuml' | 'text' }): JSX.Element {
  const [content] = createResource(() => fetchFileText(fileUrl(props.place, props.file), props.file.size));
  const [source, setSource] = createSignal(false);
  const drawn = () => props.as !== 'text' && !source() && (content()?.text.length ?? 0) <= RENDER_MAX_CHARS;
  return (
    <FileFrame
      file={props.file}
      place={props.place}
      label={LABELS[props.as] || undefined}
      source={props.as === 'text' ? undefined : { showing: source(), toggle: () => setSource(!source()) }}
    >
      <Show when={content()} fallback={<p class="hint file-loading">{content.error ? String(content.error.message) : 'Loading…'}</p>}>
        {(loaded) => (
          <Switch fallback={<TextView text={loaded().text} language={props.as === 'text' ? extensionOf(props.file.name) || null : props.as === 'markdown' ? 'markdown' : null} truncated={loaded().truncated} />}>
            <Match when={drawn() && props.as === 'csv'}>
              <CsvTable text={loaded().text} tab={extensionOf(props.file.name) === 'tsv'} truncated={loaded().truncated} />
            </Match>
            <Match when={drawn() && (props.as === 'markdown' || props.as === 'plantuml')}>
              <RenderedText text={loaded().text} as={props.as as 'markdown' | 'plantuml'} />
            </Match>
          </Switch>
        )}
      </Show>
    </FileFrame>
  );
}
