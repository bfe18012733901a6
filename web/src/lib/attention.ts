/**
 * The tab's title and favicon carry the count of unread mentions (and a dot
 * for other unread messages), so a person sees from another tab that Hearth wants them.
 */
const FAVICON_URL = '/favicon.svg';
const SIZE = 64;

let baseTitle = 'Hearth';
let shown = { mentions: 0, unread: false };
let faviconImage: Promise<HTMLImageElement> | undefined;
let lastBlobUrl: string | undefined;

/** The title without the count, e.g. "#general · Acme". */
export function setPageTitle(title: string) {
  baseTitle = title;
  render();
}

export function setAttention(mentions: number, unread: boolean) {
  if (shown.mentions === mentions && shown.unread === unread) return;
  shown = { mentions, unread };
  render();
  void drawFavicon();
}

function render() {
  const prefix = shown.mentions > 0 ? `(${shown.mentions > 99 ? '99+' : shown.mentions}) ` : shown.unread ? '* ' : '';
  document.title = `${prefix}${baseTitle}`;
}

function iconLink(): HTMLLinkElement {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  return link;
}

function loadFavicon() {
  faviconImage ??= new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = FAVICON_URL;
  });
  return faviconImage;
}

async function drawFavicon() {
  const { mentions, unread } = shown;
  const link = iconLink();
  if (mentions === 0 && !unread) {
    link.type = 'image/svg+xml';
    link.href = FAVICON_URL;
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  try {
    ctx.drawImage(await loadFavicon(), 0, 0, SIZE, SIZE);
  } catch {
    // Without the base icon the badge alone still says something.
  }
  ctx.beginPath();
  if (mentions > 0) {
    ctx.arc(SIZE - 20, 20, 20, 0, Math.PI * 2);
    ctx.fillStyle = '#dc2626';
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.font = `bold ${mentions > 9 ? 22 : 28}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(mentions > 9 ? '9+' : String(mentions), SIZE - 20, 22);
  } else {
    ctx.arc(SIZE - 12, 12, 11, 0, Math.PI * 2);
    ctx.fillStyle = '#2563eb';
    ctx.fill();
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // The state may have changed while drawing; the latest call wins.
  if (!blob || shown.mentions !== mentions || shown.unread !== unread) return;
  if (lastBlobUrl) URL.revokeObjectURL(lastBlobUrl);
  lastBlobUrl = URL.createObjectURL(blob);
  link.type = 'image/png';
  link.href = lastBlobUrl;
}
