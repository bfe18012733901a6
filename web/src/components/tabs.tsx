import { For, type JSX } from 'solid-js';

/** A row of tabs (the panel below is the caller's); arrow keys move between them. */
export function Tabs<T extends string>(props: { tabs: Array<{ id: T; label: string }>; active: T; onChange: (id: T) => void; label: string }): JSX.Element {
  const move = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = props.tabs.findIndex((t) => t.id === props.active);
    const next = props.tabs[(i + (event.key === 'ArrowRight' ? 1 : props.tabs.length - 1)) % props.tabs.length];
    props.onChange(next.id);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={props.label} onKeyDown={move}>
      <For each={props.tabs}>
        {(tab) => (
          <button
            class="tab"
            classList={{ active: tab.id === props.active }}
            type="button"
            role="tab"
            data-tab={tab.id}
            aria-selected={tab.id === props.active}
            tabindex={tab.id === props.active ? 0 : -1}
            onClick={() => props.onChange(tab.id)}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  );
}
