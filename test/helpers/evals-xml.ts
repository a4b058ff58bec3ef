/**
 * A minimal, strict XML parser for checking the JUnit output without a dependency: elements,
 * double- or single-quoted attributes, text, the XML declaration, and the five predefined entities
 * plus numeric references. Anything malformed throws.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`XML error at ${pos}: ${why}`);
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const decode = (raw: string): string => {
    if (raw.includes("<")) fail("raw < in text or attribute");
    return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
      if (entity === undefined) return fail("bare &");
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (entity in named) return named[entity]!;
      const hex = /^#x([0-9a-fA-F]+)$/.exec(entity);
      const dec = /^#(\d+)$/.exec(entity);
      if (hex) return String.fromCodePoint(parseInt(hex[1]!, 16));
      if (dec) return String.fromCodePoint(parseInt(dec[1]!, 10));
      return fail(`unknown entity &${entity};`);
    });
  };

  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) fail("unterminated declaration");
    pos = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (source[pos] !== "<") fail("expected <");
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0] ?? fail("bad element name");
    pos += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: "" };
    for (;;) {
      skipSpace();
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return el;
      }
      if (source[pos] === ">") {
        pos++;
        break;
      }
      const attr = NAME.exec(source.slice(pos))?.[0] ?? fail("bad attribute name");
      pos += attr.length;
      skipSpace();
      if (source[pos] !== "=") fail(`attribute ${attr} without =`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} not quoted`);
      const end = source.indexOf(quote!, pos + 1);
      if (end < 0) fail("unterminated attribute");
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(source.slice(pos + 1, end));
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf("<", pos);
      if (next < 0) fail(`unclosed <${name}>`);
      el.text += decode(source.slice(pos, next));
      pos = next;
      if (source.startsWith("</", pos)) {
        const close = `</${name}>`;
        if (!source.startsWith(close, pos)) fail(`expected ${close}`);
        pos += close.length;
        return el;
      }
      el.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (pos !== source.length) fail("content after the root element");
  return root;
}
