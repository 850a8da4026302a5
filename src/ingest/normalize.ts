/**
 * Turns file bytes into the stored text every offset points into: strict UTF-8 (invalid bytes are an
 * error, never replaced), BOM removed, CRLF and lone CR turned into LF, Unicode NFC.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  return { ok: true, text: normalizeText(text) };
}

const CARRIAGE_RETURN = /\r\n?/gu;

export function normalizeText(text: string): string {
  // Runs on every article and CSV row twice (scan and read): the replaces only when there is something to replace.
  let normalized = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (normalized.includes('\r')) normalized = normalized.replace(CARRIAGE_RETURN, '\n');
  return normalized.normalize('NFC');
}
