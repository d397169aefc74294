import { z } from 'zod';
import { isBackupFileName } from '../../shared/backup/backupNames';
import { INTERFACE_LANGUAGES } from '../../shared/i18n/interfaceLanguage';
import { MAX_TEXT_PAYLOAD, type Channel, type IpcContract } from '../../shared/ipc/contract';
import { syncConnectionSchema } from './syncConnectionSchema';

/** The outcome of checking one IPC request. */
export type PayloadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name), 'must not contain a path separator')
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: a file name must not hold them
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters')
  .refine((name) => name !== '.' && name !== '..', 'must name a file');

// A large export or a backup: text in pieces, never joined into one string.
const textPieces = z
  .array(z.string())
  .max(10_000_000)
  .refine((parts) => parts.reduce((n, p) => n + p.length, 0) <= MAX_TEXT_PAYLOAD, 'is too large');

const saveTextRequest = z.strictObject({
  suggestedName: fileName,
  content: z.union([z.string().max(MAX_TEXT_PAYLOAD), textPieces, z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_TEXT_PAYLOAD, 'is too large')]),
  filterName: z.string().max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'must be a short alphanumeric extension')).max(16),
});

// One schema per channel; the mapped type keeps each in step with the contract.
const REQUEST_SCHEMAS: { readonly [C in Channel]: z.ZodType<IpcContract[C]['request']> } = {
  'files:open-text': z.union([
    z.null(),
    z.strictObject({
      filterName: z.string().max(100),
      extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'must be a short alphanumeric extension')).max(16),
    }),
  ]),
  'files:save-text': saveTextRequest,
  'backup:write': z.strictObject({ content: textPieces }),
  'backup:list': z.null(),
  // A backup's name only: main decides the folder, so the page can never name a path.
  'backup:read': z.strictObject({ name: z.string().max(64).refine(isBackupFileName, 'must be the name of a Hashiya backup') }),
  'app:ready-to-close': z.null(),
  'model:open-folder': z.null(),
  'menu:set-language': z.strictObject({ language: z.enum(INTERFACE_LANGUAGES) }),
  'sync:load-connection': z.null(),
  'sync:save-connection': z.strictObject({
    connection: syncConnectionSchema,
    password: z.string().min(1).max(1024),
    // What load answered may come back as it was; main decides where the password goes.
    remembered: z.boolean().optional(),
  }),
  'sync:forget-connection': z.null(),
};

/**
 * Checks a request that arrived on `channel` against the contract. The reason never
 * echoes the payload, which may be hundreds of megabytes of text.
 */
export function validatePayload<C extends Channel>(channel: C, payload: unknown): PayloadResult<IpcContract[C]['request']> {
  // Own-property lookup: a channel name from outside must not reach Object.prototype.
  const schema = Object.hasOwn(REQUEST_SCHEMAS, channel) ? REQUEST_SCHEMAS[channel] : undefined;
  if (!schema) return { ok: false, reason: `unknown channel ${JSON.stringify(channel)}` };
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const reason = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`).join('; ');
  return { ok: false, reason };
}
