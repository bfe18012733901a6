const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A random 16-character lowercase base32 id (80 bits): ids of accounts, workspaces, channels. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += BASE32[byte & 31];
  return id;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and typed

/** A random invite code that is easy to read out and type. */
export function newInviteCode(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}
