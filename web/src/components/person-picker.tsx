import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Member } from '../../../src/shared/model';
import { searchPeople } from '../lib/person-search';
import { avatarSrc } from '../lib/profile';
import { useGateway } from '../stores/gateway';
import { Avatar } from './avatar';
import { CloseIcon } from './icons';

/** How many matches the list shows at once. */
const SHOWN_MAX = 8;

/**
 * "To: [Ana ×] [Ben ×] type a name…": search people by name or username, pick
 * them as chips. Arrows move, Enter picks the highlighted match, Enter on an
 * empty search submits, Backspace on it drops the last chip.
 */
export function PersonPicker(props: {
  people: Member[];
  picked: Member[];
  max: number;
  onChange: (picked: Member[]) => void;
  onSubmit: () => void;
  label: string;
  placeholder: string;
  /** Before the chips; "To:" by default. */
  prefix?: string;
}): JSX.Element {
  const gateway = useGateway();
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  let input!: HTMLInputElement;

  const full = () => props.picked.length >= props.max;
  const matches = () => {
    const picked = new Set(props.picked.map((m) => m.userId));
    return searchPeople(query(), props.people.filter((m) => !picked.has(m.userId))).slice(0, SHOWN_MAX);
  };

  const pick = (member: Member) => {
    if (full()) return;
    props.onChange([...props.picked, member]);
    setQuery('');
    input.value = '';
    setActive(0);
    input.focus();
  };
  const unpick = (member: Member) => {
    props.onChange(props.picked.filter((m) => m.userId !== member.userId));
    input.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const list = matches();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.length) setActive((active() + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length);
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      if (query().trim() && list[active()] && !full()) pick(list[active()]);
      else if (props.picked.length > 0) props.onSubmit();
    } else if (event.key === 'Backspace' && !query() && props.picked.length > 0) {
      unpick(props.picked[props.picked.length - 1]);
    }
  };

  return (
    <div class="person-picker">
      <div class="picker-field" onClick={() => input.focus()}>
        <span class="picker-to">{props.prefix ?? 'To:'}</span>
        <For each={props.picked}>
          {(member) => (
            <span class="chip" data-testid="picked-person">
              <Avatar name={member.displayName} seed={member.userId} src={avatarSrc(member.userId, member)} size="sm" />
              {member.displayName}
              <button class="chip-remove" type="button" aria-label={`Remove ${member.displayName}`} onClick={() => unpick(member)}>
                <CloseIcon size={12} />
              </button>
            </span>
          )}
        </For>
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label={props.label}
          aria-expanded={matches().length > 0}
          aria-controls="person-picker-list"
          aria-autocomplete="list"
          placeholder={props.picked.length ? '' : props.placeholder}
          autofocus
          autocomplete="off"
          data-testid="person-search"
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <Show when={full()}>
        <p class="hint">That is as many people as fit in one conversation.</p>
      </Show>
      <ul class="picker-list" id="person-picker-list" role="listbox" aria-label="People">
        <For each={full() ? [] : matches()} fallback={<li class="hint picker-empty">{full() ? '' : 'Nobody matches.'}</li>}>
          {(member, i) => (
            <li
              role="option"
              class="picker-option"
              classList={{ active: i() === active() }}
              aria-selected={i() === active()}
              data-testid="person-option"
              onMouseEnter={() => setActive(i())}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
            >
              <Avatar name={member.displayName} seed={member.userId} src={avatarSrc(member.userId, member)} size="sm" presence={gateway?.presenceOf(member.userId)} />
              <span class="picker-name">{member.displayName}</span>
              <span class="muted">@{member.username}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
