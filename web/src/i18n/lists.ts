/**
 * Lists written as one text, such as a taxonomy term's synonyms or a consultation's
 * competitors: items are separated by commas (ASCII, Japanese 読点 and full-width) or line breaks.
 */
const SEPARATORS = /[,、，\r\n]+/;

/**
 * The items written in `text`: trimmed, without empty ones, and without repeats that differ
 * only in case (the first spelling is kept; the server drops such repeats too).
 */
export function parseList(text: string): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(SEPARATORS)) {
    const item = piece.trim();
    const key = item.toLowerCase();
    if (item === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

/** Items as an input shows them, and as tables list them; `parseList` reads them back. */
export function formatList(items: readonly string[]): string {
  return items.join(', ');
}
