import { For, Show, type JSX } from 'solid-js';
import { parseCsv } from '../../lib/files/csv';

/** Rows shown of a CSV file; the rest is for downloading. */
const MAX_ROWS = 200;

/** A CSV (or TSV) file as a table, its first row as the header. */
export function CsvTable(props: { text: string; tab?: boolean; truncated?: boolean }): JSX.Element {
  const table = () => parseCsv(props.text, MAX_ROWS + 1, props.tab ? '\t' : ',');
  const header = () => table().rows[0] ?? [];
  const body = () => table().rows.slice(1);
  return (
    <div class="csv-view">
      <div class="csv-scroll">
        <table class="csv-table" data-testid="csv-table">
          <thead>
            <tr>
              <For each={header()}>{(cell) => <th>{cell}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={body()}>
              {(row) => (
                <tr>
                  <For each={row}>{(cell) => <td>{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={table().truncated || props.truncated}>
        <p class="hint text-view-more">Showing the first {MAX_ROWS} rows. Download the file to see them all.</p>
      </Show>
    </div>
  );
}
