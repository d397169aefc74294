import type { FormatName } from '../../shared/formats/exchange';

/** The words a format menu shows for each format (its value stays the format's name, as the CLI's `--format` takes it). */
export const FORMAT_WORDS = {
  txt: 'formatNames.txt',
  jsonl: 'formatNames.jsonl',
  doccano: 'formatNames.doccano',
  labelstudio: 'formatNames.labelstudio',
  brat: 'formatNames.brat',
  conll: 'formatNames.conll',
} as const satisfies Record<FormatName, string>;
