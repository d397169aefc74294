// An extension is a short run of ASCII letters and digits, with a letter among them, after
// the last dot: ".txt", ".conllu", ".mp3". A dot followed by a space or by a number is
// part of the name, as in "U.S. strikes", "الجزء 2.5" or "archive.2024"; so is a
// one-letter tail such as "U.S".
const EXTENSION = /\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,6}$/;

/** A document title from a file name: the base name without its file extension, if it has one. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const ext = EXTENSION.exec(base);
  return (ext && ext.index > 0 ? base.slice(0, ext.index) : base) || name;
}
