/**
 * DOM insertion through the ChildNode and ParentNode interfaces. The Workers types the project
 * also compiles with merge HTMLRewriter's `before`/`append`/`replaceWith` (strings and streams,
 * not nodes) into `Element`, so element methods are reached through these casts.
 */
type Content = Node | string;

export function replaceNode(node: Node, ...content: Content[]): void {
  (node as ChildNode).replaceWith(...content);
}

/** Puts an element's children where it was. */
export function unwrap(element: Node): void {
  (element as ChildNode).replaceWith(...element.childNodes);
}

export function appendNodes(parent: Node, ...content: Content[]): void {
  (parent as ParentNode).append(...content);
}

export function insertBefore(node: Node, ...content: Content[]): void {
  (node as ChildNode).before(...content);
}
