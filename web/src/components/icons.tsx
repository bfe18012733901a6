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
export const LockIcon = icon(() => (
  <>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </>
));
export const ArchiveIcon = icon(() => <path d="M3 4h18v4H3zM5 8v12h14V8M10 12h4" />);
export const MoreIcon = icon(() => <path d="M5 12h.01M12 12h.01M19 12h.01" />);
export const ComposeIcon = icon(() => <path d="M12 4H5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-7M17.5 3.5l3 3L12 15H9v-3z" />);
export const UsersIcon = icon(() => (
  <>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21c0-4 3-6 7-6s7 2 7 6M16 4a4 4 0 0 1 0 8M18 15c2.5.6 4 2.5 4 6" />
  </>
));
export const ClockIcon = icon(() => (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>
));
export const ShieldIcon = icon(() => <path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z" />);
export const InfoIcon = icon(() => (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v6M12 7.5h.01" />
  </>
));
export const ChevronLeftIcon = icon(() => <path d="m15 6-6 6 6 6" />);
export const MonitorIcon = icon(() => (
  <>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
  </>
));
export const PhoneIcon = icon(() => (
  <>
    <rect x="7" y="2" width="10" height="20" rx="2" />
    <path d="M11 18h2" />
  </>
));
export const UserMinusIcon = icon(() => (
  <>
    <circle cx="9" cy="8" r="4" />
    <path d="M2 21c0-4 3-6 7-6s7 2 7 6M16 11h6" />
  </>
));
export const LeaveIcon = icon(() => <path d="M14 4h5a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-5M10 8l-4 4 4 4M6 12h10" />);
export const BoldIcon = icon(() => <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />);
export const ItalicIcon = icon(() => <path d="M10 5h8M6 19h8M14 5l-4 14" />);
export const StrikeIcon = icon(() => <path d="M16.5 7.5C16 6 14.3 5 12 5c-2.8 0-4.5 1.4-4.5 3.3 0 1.4.9 2.4 2.6 3.2M4 12h16M15.8 15c.4.5.7 1.1.7 1.8 0 1.9-1.9 3.2-4.5 3.2-2.4 0-4.2-1-4.7-2.6" />);
export const CodeIcon = icon(() => <path d="m9 8-4 4 4 4M15 8l4 4-4 4" />);
export const EyeIcon = icon(() => (
  <>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
    <circle cx="12" cy="12" r="3" />
  </>
));
export const PaperclipIcon = icon(() => <path d="m21 11-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l8-8" />);
export const DownloadIcon = icon(() => <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />);
export const ExternalIcon = icon(() => <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />);
export const FileIcon = icon(() => <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zM14 3v5h5" />);
export const FolderIcon = icon(() => <path d="M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />);
export const RetryIcon = icon(() => <path d="M4 12a8 8 0 0 1 14-5.3M20 4v4h-4M20 12a8 8 0 0 1-14 5.3M4 20v-4h4" />);
export const ChevronRightIcon = icon(() => <path d="m9 6 6 6-6 6" />);
