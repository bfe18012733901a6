/** Inline SVG icons: they ship in the bundle, and render the same on every OS font. */
import type { JSX } from 'solid-js';

/** `path` is a function: a DOM node can sit in one place only, so each icon renders its own. */
const icon = (path: () => JSX.Element) => (props: { size?: number }) => (
  <svg viewBox="0 0 24 24" width={props.size ?? 16} height={props.size ?? 16} aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    {path()}
  </svg>
);

export const HashIcon = icon(() => <path d="M4 9h16M4 15h16M10 3 8 21M16 3l-2 18" />);
export const SearchIcon = icon(() => (
  <>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </>
));
export const PlusIcon = icon(() => <path d="M12 5v14M5 12h14" />);
export const UserPlusIcon = icon(() => (
  <>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21c0-4 3-6 7-6s7 2 7 6M19 8v6M16 11h6" />
  </>
));
export const EditIcon = icon(() => <path d="M4 20h4L19 9l-4-4L4 16zM14 6l4 4" />);
export const ReplyIcon = icon(() => <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 6 6v5" />);
export const LinkIcon = icon(() => <path d="M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1" />);
export const PinIcon = icon(() => <path d="M9 4h6l-1 6 4 4H6l4-4zM12 14v7" />);
export const TrashIcon = icon(() => <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />);
export const BellIcon = icon(() => <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4" />);
export const BellOffIcon = icon(() => <path d="M6 16V11a6 6 0 0 1 1-3.3M9.5 5.5A6 6 0 0 1 18 11v4M4 18h14M10 21h4M3 3l18 18" />);
export const SmileIcon = icon(() => (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01" />
  </>
));
export const ThreadIcon = icon(() => <path d="M4 5h16v10H9l-5 4zM8 9h8M8 12h5" />);
export const BookmarkIcon = icon(() => <path d="M6 3h12v18l-6-4-6 4z" />);
export const AtIcon = icon(() => (
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M16 8v5a3 3 0 0 0 6 0v-1a10 10 0 1 0-4 8" />
  </>
));
export const ChevronDownIcon = icon(() => <path d="m6 9 6 6 6-6" />);
export const ChevronUpIcon = icon(() => <path d="m6 15 6-6 6 6" />);
export const CloseIcon = icon(() => <path d="M6 6l12 12M18 6 6 18" />);
export const SendIcon = (props: { size?: number }) => (
  <svg viewBox="0 0 24 24" width={props.size ?? 18} height={props.size ?? 18} aria-hidden="true">
    <path d="M3 20.5 21 12 3 3.5l.01 6.6L15 12 3.01 13.9z" fill="currentColor" />
  </svg>
);
