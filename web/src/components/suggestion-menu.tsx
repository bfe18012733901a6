import { For, type JSX } from 'solid-js';

/**
 * What a composer offers while typing "@name" or ":shortcode": a list above the box. The
 * composer keeps the focus and drives the keys; this shows the items and takes the mouse.
 */
export function SuggestionMenu<T>(props: {
  /** For screen readers: "People to mention", "Emoji". */
  label: string;
  /** Test ids: `${kind}-menu` and `${kind}-option`. */
  kind: string;
  items: readonly T[];
  active: number;
  onPick: (item: T) => void;
  onHover: (index: number) => void;
  children: (item: T) => JSX.Element;
}): JSX.Element {
  return (
    <ul class="suggestion-menu" role="listbox" aria-label={props.label} data-testid={`${props.kind}-menu`}>
      <For each={props.items}>
        {(item, i) => (
          <li
            role="option"
            aria-selected={i() === props.active}
            classList={{ active: i() === props.active }}
            data-testid={`${props.kind}-option`}
            // mousedown, not click: the textarea must keep its focus and caret.
            onMouseDown={(e) => {
              e.preventDefault();
              props.onPick(item);
            }}
            onMouseEnter={() => props.onHover(i())}
          >
            {props.children(item)}
          </li>
        )}
      </For>
    </ul>
  );
}
