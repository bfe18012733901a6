import { createSignal, For, onMount, Show, type JSX } from 'solid-js';
import type { Channel, SearchHit } from '../../../../src/shared/model';
import { tokenAt } from '../../../../src/shared/search-query';
import { errorMessage } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { formatFull } from '../../lib/format';
import { enhanceMessage } from '../../lib/markdown/enhance';
import { renderMarkdown } from '../../lib/markdown/render';
import { highlightIn } from '../../lib/search/highlight';
import { useMembers } from '../../stores/members';
import { Avatar } from '../avatar';
import { Modal } from '../modal';
import { SuggestionMenu } from '../suggestion-menu';

type Sort = 'newest' | 'relevance';

interface Suggestion {
  label: string;
  insert: string;
}

/** The search box (`/` or Ctrl/Cmd+K): filters offered as typed, results with their words marked, a click opens the message. */
export function SearchDialog(props: {
  workspaceId: string;
  channels: Channel[];
  myId: string;
  onOpen: (channelId: string, seq: number) => void;
  onClose: () => void;
}): JSX.Element {
  const members = useMembers();
  const [q, setQ] = createSignal('');
  const [sort, setSort] = createSignal<Sort>('newest');
  const [hits, setHits] = createSignal<SearchHit[]>([]);
  const [terms, setTerms] = createSignal<string[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [indexing, setIndexing] = createSignal<string[]>([]);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [searched, setSearched] = createSignal(false);
  const [caret, setCaret] = createSignal(0);
  const [active, setActive] = createSignal(0);
  let input!: HTMLInputElement;
  onMount(() => input.focus());

  const suggestions = (): Suggestion[] => {
    const token = tokenAt(q(), caret());
    if (!token) return [];
    const wanted = token.value.replace(/^[@#]/, '').toLowerCase();
    if (token.key === 'from') {
      return members
        .all()
        .filter((m) => m.username.toLowerCase().startsWith(wanted) || m.displayName.toLowerCase().startsWith(wanted))
        .slice(0, 8)
        .map((m) => ({ label: `${m.displayName} @${m.username}`, insert: `from:@${m.username}` }));
    }
    if (token.key === 'in') {
      return props.channels
        .filter((c) => c.joined && c.kind !== 'dm' && c.name.toLowerCase().startsWith(wanted))
        .slice(0, 8)
        .map((c) => ({ label: `#${c.name}`, insert: `in:#${c.name}` }));
    }
    if (token.key === 'has') return ['file', 'link', 'image'].filter((v) => v.startsWith(wanted)).map((v) => ({ label: `has:${v}`, insert: `has:${v}` }));
    if (token.key === 'is') return [{ label: 'is:pinned', insert: 'is:pinned' }];
    return [];
  };

  const pick = (s: Suggestion) => {
    const token = tokenAt(q(), caret());
    if (!token) return;
    const text = `${q().slice(0, token.start)}${s.insert} ${q().slice(token.end).trimStart()}`;
    setQ(text);
    const at = token.start + s.insert.length + 1;
    setCaret(at);
    input.focus();
    input.setSelectionRange(at, at);
  };

  async function run(cursor?: string) {
    if (!q().trim()) return;
    setBusy(true);
    setError('');
    try {
      const page = await endpoints.search(props.workspaceId, { q: q(), sort: sort(), tz: Intl.DateTimeFormat().resolvedOptions().timeZone, cursor });
      setHits(cursor ? [...hits(), ...page.hits] : page.hits);
      setTerms(page.terms);
      setNext(page.next);
      setIndexing(page.indexing);
      setSearched(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const list = suggestions();
    if (list.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((active() + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length);
    } else if (list.length > 0 && (e.key === 'Tab' || e.key === 'Enter')) {
      e.preventDefault();
      pick(list[Math.min(active(), list.length - 1)]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void run();
    }
  };

  const channelLabel = (hit: SearchHit) => (hit.channelKind === 'dm' ? 'a direct message' : `#${hit.channelName}`);

  return (
    <Modal title="Search" onClose={props.onClose} wide testId="search-dialog">
      <div class="search-box">
        <input
          ref={input}
          class="input search-input"
          type="search"
          placeholder='Search: words, "a phrase", from:@name in:#channel has:file before:2026-12-01'
          aria-label="Search messages"
          data-testid="search-input"
          value={q()}
          onInput={(e) => {
            setQ(e.currentTarget.value);
            setCaret(e.currentTarget.selectionStart ?? 0);
            setActive(0);
          }}
          onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
        />
        <Show when={suggestions().length > 0}>
          <SuggestionMenu label="Search filters" kind="search-filter" items={suggestions()} active={active()} onPick={pick} onHover={setActive}>
            {(s) => <span>{s.label}</span>}
          </SuggestionMenu>
        </Show>
        <div class="search-sort" role="group" aria-label="Order">
          <For each={['newest', 'relevance'] as Sort[]}>
            {(option) => (
              <button
                type="button"
                class="link-button"
                classList={{ selected: sort() === option }}
                aria-pressed={sort() === option}
                data-testid={`search-sort-${option}`}
                onClick={() => {
                  setSort(option);
                  void run();
                }}
              >
                {option === 'newest' ? 'Newest' : 'Most relevant'}
              </button>
            )}
          </For>
        </div>
      </div>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={indexing().length > 0}>
        <p class="hint">Older messages in {indexing().map((n) => (n ? `#${n}` : 'a DM')).join(', ')} are still being indexed.</p>
      </Show>
      <Show when={searched() && hits().length === 0 && !error()}>
        <p class="hint">Nothing found.</p>
      </Show>
      <ul class="saved-list search-results" data-testid="search-results">
        <For each={hits()}>
          {(hit) => (
            <li>
              <button class="saved-item" type="button" data-testid="search-hit" onClick={() => props.onOpen(hit.channelId, hit.message.seq)}>
                <Avatar name={hit.message.authorName} seed={hit.message.authorId} size="sm" />
                <span class="saved-main">
                  <span class="saved-meta">
                    <strong>{hit.message.authorName}</strong> in {channelLabel(hit)}
                    <time title={formatFull(hit.message.createdAt)}>{formatFull(hit.message.createdAt)}</time>
                  </span>
                  <HitText hit={hit} terms={terms()} myId={props.myId} />
                  <Show when={hit.message.attachments.length > 0}>
                    <span class="hint">{hit.message.attachments.map((a) => a.name).join(', ')}</span>
                  </Show>
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={next()}>
        <button class="button" type="button" disabled={busy()} data-testid="search-more" onClick={() => void run(next()!)}>
          More results
        </button>
      </Show>
    </Modal>
  );
}

function HitText(props: { hit: SearchHit; terms: string[]; myId: string }): JSX.Element {
  let body!: HTMLDivElement;
  onMount(async () => {
    const { body: text, mentions, broadcasts } = props.hit.message;
    body.replaceChildren(renderMarkdown(text, { mentions, broadcasts, myId: props.myId }));
    // Marked once enhancing (emoji shortcodes, code highlighting) has redrawn its text nodes.
    await enhanceMessage(body);
    highlightIn(body, props.terms);
  });
  return <div class="markdown search-hit-text" data-testid="search-hit-text" ref={body} />;
}
