/** Converts between a taxonomy term's synonyms and the text of the form's synonyms input. */

/** Commas (ASCII, Japanese 読点 and full-width) and line breaks separate synonyms. */
const SEPARATORS = /[,、，\r\n]+/;

/**
 * The synonyms written in `text`: trimmed, without empty ones, and without repeats that differ
 * only in case (the first spelling is kept; the server drops such repeats too).
 */
export function parseSynonyms(text: string): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(SEPARATORS)) {
    const word = piece.trim();
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(word);
  }
  return kept;
}

/** Synonyms as the input shows them, and as the term table lists them. */
export function formatSynonyms(synonyms: readonly string[]): string {
  return synonyms.join(', ');
}
