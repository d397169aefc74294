/** The options every command may receive. */
export interface CliOptions {
  from?: string;
  to?: string;
  format?: string;
  output?: string;
  map?: string;
  annotator?: string;
  labels?: string;
  json?: boolean;
  nested?: boolean;
  'doccano-column'?: string;
  'skip-invalid'?: boolean;
  'all-layers'?: boolean;
  train?: string[];
  'train-format'?: string;
  recommender?: string;
  eval?: boolean;
}
