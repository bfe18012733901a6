import { createResource, Show, type JSX } from 'solid-js';
import { formatSize } from '../../../src/shared/files';
import { endpoints } from '../api/endpoints';

/** How much of their file storage a person uses, and the server's per-file limit. */
export function StorageUsageMeter(): JSX.Element {
  const [storage] = createResource(async () => (await endpoints.storage()).storage);
  return (
    <Show when={storage()} fallback={<p class="hint">{storage.error ? 'Storage use is not available right now.' : 'Loading…'}</p>}>
      {(s) => (
        <div class="storage-meter" data-testid="storage-usage">
          <span>
            <strong>{formatSize(s().usedBytes)}</strong> of {formatSize(s().quotaBytes)} used
          </span>
          <progress max={s().quotaBytes} value={Math.min(s().usedBytes, s().quotaBytes)} aria-label="Storage used" />
          <span class="hint">
            Files you share count here until their messages are deleted. Each file can be up to {formatSize(s().maxFileBytes)}.
          </span>
        </div>
      )}
    </Show>
  );
}
