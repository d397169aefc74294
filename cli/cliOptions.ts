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
  /** convert: an annotator's name, `each` (the default) or `all`. */
  layer?: string;
  /** convert: `all`, `done` or `reviewed`. */
  documents?: string;
  'include-untouched'?: boolean;
  train?: string[];
  'train-format'?: string;
  recommender?: string;
  /** suggest: a token-classification model's folder. */
  model?: string;
  /** suggest: `TYPE=label,...` over the guessed mapping of the model's types. */
  'model-map'?: string;
  eval?: boolean;
  /** claims: `source` (the default) or `outlet`. */
  by?: string;
  csv?: boolean;
  /** server init: the project, which names its database and roles. */
  project?: string;
  /** server init: users who administer the project besides its admin role. */
  'admin-user'?: string[];
  /** server add-member: the CouchDB user. */
  user?: string;
  /** server add-member: annotator, adjudicator or admin. */
  role?: string;
  /** server add-member: take the role away instead. */
  remove?: boolean;
}
