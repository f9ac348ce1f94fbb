import { builder } from '../builder.js';
import { audited, Issues } from '../mutations.js';
import { createApiKey } from '../services/keys.js';
import { ApiKeyRole } from './enums.js';
import { ValidationError } from './errors.js';

interface ApiKeyShape {
  id: string;
  label: string;
  role: 'READER' | 'EDITOR' | 'ADMIN';
  prefix: string;
  createdAt: Date;
}

const ApiKey = builder.objectRef<ApiKeyShape>('ApiKey').implement({
  description: 'An API key, without its secret.',
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label'),
    role: t.expose('role', { type: ApiKeyRole }),
    prefix: t.exposeString('prefix', { description: 'The first characters of the key, to tell keys apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreateApiKeySuccess = builder.objectRef<{ key: string; apiKey: ApiKeyShape }>('CreateApiKeySuccess').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret. Shown once: only its hash is stored.' }),
    apiKey: t.field({ type: ApiKey, resolve: (r) => r.apiKey }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    role: t.field({ type: ApiKeyRole, required: true }),
    label: t.string({ required: true, description: 'Who or what uses the key; appears in the audit log.' }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeySuccess,
    description: 'Creates an API key (ADMIN only). The secret is in the result, once.',
    authScopes: { admin: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      issues.text('label', input.label, { required: true, max: 200 });
      issues.throwIfAny();
      const created = await audited(
        ctx,
        'createApiKey',
        input,
        (tx) => createApiKey(tx, { role: input.role, label: input.label.trim() }),
        (k) => ({ apiKeyId: k.id }),
      );
      return { key: created.key, apiKey: created };
    },
  }),
);
