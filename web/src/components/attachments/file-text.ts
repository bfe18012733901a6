/** The start of a text file, fetched for its preview: at most PREVIEW_BYTES, by a Range request. */
export const PREVIEW_BYTES = 256 * 1024;

export interface FileText {
  text: string;
  /** Only the first PREVIEW_BYTES were read. */
  truncated: boolean;
}

export async function fetchFileText(url: string, size: number): Promise<FileText> {
  const truncated = size > PREVIEW_BYTES;
  const response = await fetch(url, { credentials: 'same-origin', headers: truncated ? { Range: `bytes=0-${PREVIEW_BYTES - 1}` } : {} });
  if (!response.ok) throw new Error(response.status === 404 ? 'This file is no longer available' : `The server answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A cut may split a character: the decoder replaces the broken end instead of failing.
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, PREVIEW_BYTES));
  return { text: truncated ? text.replace(/\uFFFD+$/, '') : text, truncated };
}
