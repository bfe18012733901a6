/**
 * The XSS tests' watch inside the page, installed with `context.addInitScript` so it runs in every
 * frame before anything else: whatever a payload might call to show it ran (a dialog, a window, the
 * `__pwned` sentinel, document.write) and every CSP violation is reported through the `__xssHit`
 * binding; and the DOM functions the audit uses are saved before any message can clobber them.
 */

/** `inApp`: the page is Hearth itself, whose sockets, router and cookie must keep working. */
export function installHooks(inApp = false): void {
  const w = window as unknown as Record<string, unknown>;
  const hit = (kind: string, detail: unknown) => {
    try {
      (w.__xssHit as (k: string, d: string, i: number) => void)(kind, String(detail).slice(0, 300), typeof w.__xssItem === 'number' ? w.__xssItem : -1);
    } catch {
      // Only a script that already ran could have removed the binding; the dialog and request checks remain.
    }
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    w[name] = (...args: unknown[]) => hit(name, args.join(', '));
  }
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => (...args: unknown[]) => hit('sentinel', `__pwned(${args.join(', ')})`),
    set: (value: unknown) => hit('sentinel', `__pwned = ${String(value)}`),
  });
  const doc = Document.prototype as unknown as Record<string, unknown>;
  for (const name of ['write', 'writeln']) doc[name] = (...args: unknown[]) => hit(`document.${name}`, args.join(''));
  if (!inApp) {
    Object.defineProperty(Document.prototype, 'cookie', { get: () => (hit('document.cookie', 'read'), ''), set: (v: unknown) => hit('document.cookie', v) });
    w.WebSocket = function () {
      hit('WebSocket', [...arguments].join(', '));
    };
    const pushState = History.prototype.pushState;
    History.prototype.pushState = function (...args: Parameters<typeof pushState>) {
      hit('history.pushState', args[2]);
    };
    History.prototype.replaceState = function (...args: Parameters<typeof pushState>) {
      hit('history.replaceState', args[2]);
    };
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    const target = event.target instanceof Element ? ` on <${event.target.localName} class="${event.target.getAttribute('class') ?? ''}">` : '';
    hit('csp', `${event.violatedDirective} ${event.blockedURI}${target}`);
  }, true);
  const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get;
  Object.defineProperty(window, '__xssTools', {
    configurable: false,
    writable: false,
    value: Object.freeze({
      getElementById: Document.prototype.getElementById,
      createElement: Document.prototype.createElement,
      appendChild: Node.prototype.appendChild,
      querySelectorAll: Element.prototype.querySelectorAll,
      fragmentQuerySelectorAll: DocumentFragment.prototype.querySelectorAll,
      closest: Element.prototype.closest,
      dispatchEvent: EventTarget.prototype.dispatchEvent,
      attributes: getter(Element.prototype, 'attributes'),
      localName: getter(Element.prototype, 'localName'),
      namespaceURI: getter(Element.prototype, 'namespaceURI'),
    }),
  });
}
