import { Show, useContext, type JSX } from 'solid-js';
import type { Message } from '../../../src/shared/model';
import { activeStatus, avatarSrc, nameColorClass } from '../lib/profile';
import { useGateway } from '../stores/gateway';
import { MembersContext } from '../stores/members';
import { Avatar } from './avatar';
import { UserCardButton } from './user-card';

/** A message's author as they are now (name, picture, colour, status); the stored name once they have left or deleted their account. */
function useAuthor(message: () => Message) {
  const members = useContext(MembersContext);
  const member = () => members?.get(message().authorId);
  return {
    member,
    name: () => member()?.displayName ?? message().authorName,
    status: () => activeStatus(member()?.status),
    /** Known to be gone (the member list has loaded without them): no presence, a grey square. */
    gone: () => members?.loaded.state === 'ready' && !member(),
  };
}

/** The picture that starts a group of messages; opens the author's card. */
export function MessageAuthorAvatar(props: { message: Message }): JSX.Element {
  const author = useAuthor(() => props.message);
  const gateway = useGateway();
  return (
    <UserCardButton
      userId={props.message.authorId}
      fallbackName={props.message.authorName}
      label={`Profile of ${author.name()}`}
      class="message-avatar"
      testId="message-avatar"
    >
      <Avatar
        name={author.name()}
        seed={props.message.authorId}
        src={avatarSrc(props.message.authorId, author.member())}
        presence={author.gone() ? undefined : gateway?.presenceOf(props.message.authorId)}
        class={author.gone() ? 'avatar-gone' : undefined}
      />
    </UserCardButton>
  );
}

/** The author's name in their colour (opens their card), with their status emoji as Slack shows it. */
export function MessageAuthorName(props: { message: Message }): JSX.Element {
  const author = useAuthor(() => props.message);
  return (
    <>
      <UserCardButton
        userId={props.message.authorId}
        fallbackName={props.message.authorName}
        class={`message-author ${nameColorClass(author.member()?.nameColor)}`}
        testId="message-author"
      >
        {author.name()}
      </UserCardButton>
      <Show when={author.status()?.emoji}>
        {(emoji) => (
          <span class="author-status-emoji" title={author.status()?.text || undefined} aria-label={`Status: ${author.status()?.text || emoji()}`} role="img">
            {emoji()}
          </span>
        )}
      </Show>
    </>
  );
}
