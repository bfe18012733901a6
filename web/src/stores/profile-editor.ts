import { createSignal } from 'solid-js';

/** Whether the profile editor is open: one dialog for the whole app, opened from the account menu or one's own user card. */
const [open, setOpen] = createSignal(false);

export const profileEditor = {
  open,
  show: () => setOpen(true),
  close: () => setOpen(false),
};
