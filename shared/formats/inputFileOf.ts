import { decodeText } from '../text/decodeText';
import type { InputFile, Problem } from './exchange';
import { problemAt } from './problemAt';

/**
 * A file's bytes as a format's parser takes them: decoded by the shared decoder, with the
 * encoding found (brat needs it to count a byte-order mark as character 0, as brat does),
 * or the problem that stops it being read. The app and the command line both read files
 * through this, so what one accepts the other does.
 */
export function inputFileOf(name: string, bytes: Uint8Array): { readonly file: InputFile } | { readonly problem: Problem } {
  // An empty .ann is a brat document with no annotations, not a broken file.
  if (bytes.length === 0 && name.toLowerCase().endsWith('.ann')) return { file: { name, text: '', encoding: 'utf-8' } };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { problem: problemAt(name, decoded.line, decoded.phrase) };
  return { file: { name, text: decoded.text, encoding: decoded.encoding } };
}
