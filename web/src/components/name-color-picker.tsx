import { For, type JSX } from 'solid-js';
import { NAME_COLORS, type NameColor } from '../../../src/shared/model';
import { NAME_COLOR_LABEL, nameColorClass } from '../lib/profile';

/** Swatches for the colour of one's name, "Default" first, with the name shown in the choice. */
export function NameColorPicker(props: { name: string; value: NameColor | null; onChange: (color: NameColor | null) => void }): JSX.Element {
  const choices: Array<NameColor | null> = [null, ...NAME_COLORS];
  let group!: HTMLDivElement;
  // A radio group: one tab stop, arrow keys move the choice.
  function onKey(event: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = (choices.indexOf(props.value) + step + choices.length) % choices.length;
    props.onChange(choices[next]);
    group.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  }
  return (
    <fieldset class="name-color-picker">
      <legend>Name colour</legend>
      <div class="swatches" role="radiogroup" aria-label="Name colour" ref={group} onKeyDown={onKey}>
        <For each={choices}>
          {(color) => (
            <button
              type="button"
              role="radio"
              class={`swatch ${color ? `swatch-${color}` : 'swatch-default'}`}
              aria-checked={props.value === color}
              tabindex={props.value === color ? 0 : -1}
              aria-label={color ? NAME_COLOR_LABEL[color] : 'Default'}
              title={color ? NAME_COLOR_LABEL[color] : 'Default'}
              data-testid={`name-color-${color ?? 'default'}`}
              onClick={() => props.onChange(color)}
            />
          )}
        </For>
      </div>
      <p class="name-color-sample" aria-hidden="true">
        <span class={`name-color-name ${nameColorClass(props.value)}`}>{props.name || 'Your name'}</span>
        <span class="muted"> is how your name shows in messages.</span>
      </p>
    </fieldset>
  );
}
