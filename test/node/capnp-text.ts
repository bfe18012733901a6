/**
 * A reader for the Cap'n Proto text format as workerd.capnp uses it: `using`
 * imports, `const name :Type = value;`, structs `( a = 1, b = "x" )`, lists,
 * strings, numbers, booleans, enum names, `embed "path"` and `.constName`
 * references. Enough to compare the config with wrangler.toml, not a full parser.
 */
export type CapnpValue =
  | string
  | number
  | boolean
  | CapnpValue[]
  | { [field: string]: CapnpValue }
  | { $enum: string }
  | { $embed: string }
  | { $ref: string };

type Token = { kind: 'string' | 'word' | 'number' | 'punct'; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) i++;
    else if (ch === '#') while (i < source.length && source[i] !== '\n') i++;
    else if (ch === '"') {
      let text = '';
      const at = i++;
      while (source[i] !== '"') {
        if (i >= source.length) throw new Error(`unterminated string at ${at}`);
        if (source[i] === '\\') i++;
        text += source[i++];
      }
      i++;
      tokens.push({ kind: 'string', text, at });
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'word', text: match[0], at: i });
      i += match[0].length;
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?[0-9][0-9._eExX]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', text: match[0], at: i });
      i += match[0].length;
    } else if ('()[]=,;:.'.includes(ch)) tokens.push({ kind: 'punct', text: ch, at: i++ });
    else throw new Error(`unexpected character ${JSON.stringify(ch)} at ${i}`);
  }
  return tokens;
}

/** The file's top-level constants by name. */
export function parseCapnp(source: string): Record<string, CapnpValue> {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (text?: string) => {
    const token = tokens[pos++];
    if (!token) throw new Error(`unexpected end of file${text ? `, expected ${text}` : ''}`);
    if (text !== undefined && token.text !== text) throw new Error(`expected ${text} at ${token.at}, found ${token.text}`);
    return token;
  };

  function value(): CapnpValue {
    const token = take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.text === '.') return { $ref: take().text };
    if (token.text === 'embed') return { $embed: take().text };
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.kind === 'word') return { $enum: token.text };
    if (token.text === '[') {
      const items: CapnpValue[] = [];
      while (peek()?.text !== ']') {
        items.push(value());
        if (peek()?.text === ',') take(',');
      }
      take(']');
      return items;
    }
    if (token.text === '(') {
      const fields: Record<string, CapnpValue> = {};
      while (peek()?.text !== ')') {
        const name = take().text;
        take('=');
        fields[name] = value();
        if (peek()?.text === ',') take(',');
      }
      take(')');
      return fields;
    }
    throw new Error(`unexpected ${token.text} at ${token.at}`);
  }

  const constants: Record<string, CapnpValue> = {};
  while (pos < tokens.length) {
    const keyword = take().text;
    if (keyword === 'using') {
      while (take().text !== ';');
    } else if (keyword === 'const') {
      const name = take().text;
      take(':');
      while (peek()?.text !== '=') take(); // the type name
      take('=');
      constants[name] = value();
      take(';');
    } else throw new Error(`unexpected ${keyword} at top level`);
  }
  return constants;
}
