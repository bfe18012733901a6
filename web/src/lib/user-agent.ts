/**
 * "Firefox on Windows" from a user agent string, for the active sessions list.
 * Order matters: Edge and Opera say Chrome too, Chrome says Safari, iPadOS says Mac.
 */
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Vivaldi\//, 'Vivaldi'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPod/, 'iOS'],
  [/iPad/, 'iPadOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Ubuntu/, 'Ubuntu'],
  [/Fedora/, 'Fedora'],
  [/Linux|X11/, 'Linux'],
];

const find = (table: Array<[RegExp, string]>, ua: string) => table.find(([pattern]) => pattern.test(ua))?.[1];

export function describeUserAgent(ua: string): string {
  const browser = find(BROWSERS, ua);
  const system = find(SYSTEMS, ua);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? (ua.trim() ? 'Unknown browser' : 'Unknown device');
}

/** Phones and tablets get their own icon in the list. */
export const isMobile = (ua: string) => /Mobi|Android|iPhone|iPad|iPod/.test(ua);
