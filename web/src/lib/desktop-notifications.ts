/**
 * Desktop notifications through the browser's Notification API, which works
 * without any push service: they are raised by the open Hearth tab itself.
 */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (!('Notification' in window)) return 'unsupported';
  return Notification.requestPermission();
}

export function showDesktopNotification(options: { title: string; body: string; tag: string; onClick: () => void }) {
  if (notificationPermission() !== 'granted') return;
  // `tag` folds a burst from one channel into one notification instead of a stack.
  const notification = new Notification(options.title, { body: options.body, tag: options.tag, icon: '/favicon.svg' });
  notification.onclick = () => {
    window.focus();
    options.onClick();
    notification.close();
  };
}

let audio: AudioContext | undefined;
let lastChime = 0;

/** A short two-note chime, synthesized: no sound file to ship or fetch. At most one per second. */
export function playChime() {
  const now = Date.now();
  if (now - lastChime < 1000) return;
  lastChime = now;
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1318.5],
    ] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.4);
    }
  } catch {
    // No audio device or autoplay refused before any interaction: the notification alone must do.
  }
}
