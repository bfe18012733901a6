// @ts-check
/**
 * Deterministic chat-like text for seeded channels: message bodies of 20–300 characters (most
 * short, a few long; some code, links and markdown) and the people who wrote them.
 */

const WORDS = `the a to and of in is it for on that this with we you i be can will not have are at as just
so if but do was from or up out about what when then there it's don't need think should could would
deploy build release test review merge branch ticket issue fix bug crash log error timeout retry cache
server client socket queue worker config update patch rollback migrate schema index query latency
meeting today tomorrow yesterday morning afternoon lunch coffee standup sprint demo plan doc notes
thanks sure yes no maybe ok great nice agreed looks good lgtm later soon now please check again`.split(/\s+/);

const EXTRAS = ['`npm run build`', '**important**', '_maybe_', 'https://intranet.example/wiki/Runbook', 'ERR_CONN_RESET', '#1234', '@channel', '(see above)', '👍', '🎉'];

/** @param {number} seed */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

/** A length between 20 and 300, mostly under 100, as chat messages are. @param {() => number} next */
function bodyLength(next) {
  const r = next();
  return Math.round(r < 0.7 ? 20 + next() * 80 : r < 0.95 ? 100 + next() * 100 : 200 + next() * 100);
}

/** `count` distinct-enough message bodies. @param {number} count */
export function messageBodies(count, seed = 8) {
  const next = random(seed);
  const pick = (/** @type {string[]} */ list) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, () => {
    const length = bodyLength(next);
    let body = pick(WORDS).replace(/^./, (c) => c.toUpperCase());
    for (;;) {
      const word = ` ${next() < 0.06 ? pick(EXTRAS) : pick(WORDS)}${next() < 0.08 ? '.' : ''}`;
      if (body.length + word.length > length && body.length >= 20) return body;
      body += word;
    }
  });
}

/** `count` people with ids shaped like Hearth's (16 lowercase base32 characters). @param {number} count */
export function messageAuthors(count, seed = 9) {
  const next = random(seed);
  const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from({ length: count }, (_, i) => ({
    id: Array.from({ length: 16 }, () => base32[Math.floor(next() * 32)]).join(''),
    name: `Person ${i + 1}`,
  }));
}
