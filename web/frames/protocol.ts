/**
 * Messages between the app and its diagram renderer frame (/frames/mermaid.html). The frame is
 * sandboxed without same-origin access: its origin is opaque, so both sides check the sending
 * window instead of an origin, and validate every field.
 */
export interface DiagramRequest {
  type: 'render';
  id: number;
  source: string;
  dark: boolean;
}

export type DiagramResult =
  | { type: 'rendered'; id: number; svg: string; width: number; height: number }
  | { type: 'failed'; id: number; error: string };

/** The frame says it is listening. */
export interface FrameReady {
  type: 'ready';
}

/** Longest diagram source drawn; longer ones show their source. */
export const MAX_DIAGRAM_SOURCE = 8_000;
/** Largest SVG the app accepts back from the frame. */
export const MAX_DIAGRAM_SVG = 2_000_000;

export function isDiagramRequest(data: unknown): data is DiagramRequest {
  const value = data as Partial<DiagramRequest> | null;
  return typeof value === 'object' && value !== null && value.type === 'render' && Number.isSafeInteger(value.id)
    && typeof value.source === 'string' && value.source.length <= MAX_DIAGRAM_SOURCE && typeof value.dark === 'boolean';
}

export function isDiagramResult(data: unknown): data is DiagramResult {
  const value = data as Record<string, unknown> | null;
  if (typeof value !== 'object' || value === null || !Number.isSafeInteger(value.id)) return false;
  if (value.type === 'failed') return typeof value.error === 'string';
  return value.type === 'rendered' && typeof value.svg === 'string' && value.svg.length <= MAX_DIAGRAM_SVG
    && isSize(value.width) && isSize(value.height);
}

export function isFrameReady(data: unknown): data is FrameReady {
  return typeof data === 'object' && data !== null && (data as FrameReady).type === 'ready';
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 100_000;
}
