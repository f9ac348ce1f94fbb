import { auditLog } from '@newsgraph/db';
import { demoUrls } from '@newsgraph/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines } from './support/engines.js';

const ADD = `mutation ($input: AddCorrectionInput!) {
  addCorrection(input: $input) {
    __typename
    ... on AddCorrectionSuccess { article { version status title paragraphs } correction { kind note fromVersion toVersion createdBy changes { field before after paragraphs { index op before after } } } }
    ... on VersionConflictError { currentVersion expectedVersion message }
    ... on ValidationError { message issues { field message } }
    ... on NotFoundError { message }
  }
}`;

type AddResult = { addCorrection: Record<string, unknown> & { __typename: string } };

describe.each(engines)('corrections (%s)', (engine) => {
  const demo = useDemoStore(engine);
  let articleId: (url: string) => Promise<{ id: string; version: number }>;

  beforeAll(async () => {
    articleId = async (url) =>
      (
        await demo.client.data<{ article: { id: string; version: number } }>(
          'query ($url: String!) { article(url: $url) { id version } }',
          { url },
        )
      ).article;
  });

  const add = (input: Record<string, unknown>, key = demo.keys.editor) =>
    demo.client.request<AddResult>(ADD, { input }, demo.keys.bearer(key));

  it('corrects title and body: new revision, field changes with a paragraph diff, version + 1, status CORRECTED', async () => {
    const { id, version } = await articleId(demoUrls.northgate);
    expect(version).toBe(1);
    const before = await demo.client.data<{ article: { body: string } }>(
      'query ($id: ID!) { article(id: $id) { body } }',
      {
        id,
      },
    );
    const paragraphs = before.article.body.split('\n\n');
    paragraphs[1] = 'A decision is expected within a month.';
    const result = await add({
      articleId: id,
      expectedVersion: 1,
      kind: 'CORRECTION',
      note: 'An earlier version gave the wrong timing.',
      title: 'Port Night-Shift Cuts Under Review, Sources Say',
      body: paragraphs.join('\n\n'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addCorrection).toMatchObject({
      __typename: 'AddCorrectionSuccess',
      article: { version: 2, status: 'CORRECTED', title: 'Port Night-Shift Cuts Under Review, Sources Say' },
      correction: {
        kind: 'CORRECTION',
        fromVersion: 1,
        toVersion: 2,
        createdBy: 'test editor',
        changes: [
          {
            field: 'title',
            before: 'Port Night-Shift Cuts on the Table, Sources Say',
            after: 'Port Night-Shift Cuts Under Review, Sources Say',
          },
          { field: 'body', paragraphs: [{ index: 1, op: 'changed', after: 'A decision is expected within a month.' }] },
          { field: 'status', before: 'PUBLISHED', after: 'CORRECTED' },
        ],
      },
    });
    const history = await demo.client.data<{
      article: {
        revisions: { version: number; title: string }[];
        v1: { title: string };
        corrections: { kind: string }[];
      };
    }>(
      'query ($id: ID!) { article(id: $id) { revisions { version title } v1: revision(version: 1) { title } corrections { kind } } }',
      { id },
    );
    expect(history.article.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(history.article.v1.title).toBe('Port Night-Shift Cuts on the Table, Sources Say');
    const audit = await demo.store.handle.db.select().from(auditLog).where(sql`${auditLog.action} = 'addCorrection'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'test editor',
      input: expect.objectContaining({ articleId: id, expectedVersion: 1 }),
    });
  });

  it('answers a stale expectedVersion with VersionConflictError and changes nothing', async () => {
    const { id, version } = await articleId(demoUrls.northgate);
    const result = await add({ articleId: id, expectedVersion: version - 1, kind: 'CLARIFICATION', note: 'Too late.' });
    expect(result.data?.addCorrection).toMatchObject({
      __typename: 'VersionConflictError',
      currentVersion: version,
      expectedVersion: version - 1,
    });
    expect((await articleId(demoUrls.northgate)).version).toBe(version);
  });

  it('validates input: every problem named, nothing stored', async () => {
    const { id, version } = await articleId(demoUrls.calderLibrary);
    const result = await add({ articleId: id, expectedVersion: 0, kind: 'CORRECTION', note: '   ', title: '' });
    expect(result.data?.addCorrection.__typename).toBe('ValidationError');
    const fields = (result.data?.addCorrection.issues as { field: string }[]).map((i) => i.field).sort();
    expect(fields).toEqual(['expectedVersion', 'note', 'title']);
    const unknown = await add({
      articleId: Buffer.from('Article:00000000-0000-4000-8000-000000000000').toString('base64'),
      expectedVersion: 1,
      kind: 'CORRECTION',
      note: 'n',
    });
    expect(unknown.data?.addCorrection.__typename).toBe('NotFoundError');
    const bad = await add({ articleId: 'nope', expectedVersion: 1, kind: 'CORRECTION', note: 'n' });
    expect(bad.data?.addCorrection.__typename).toBe('ValidationError');
    const wrongEnum = await add({ articleId: id, expectedVersion: 1, kind: 'OOPS', note: 'n' });
    expect(wrongEnum.errors?.[0]?.message).toMatch(/CorrectionKind/);
    expect((await articleId(demoUrls.calderLibrary)).version).toBe(version);
  });

  it('a retraction marks the article RETRACTED, and it stays so after later corrections', async () => {
    const { id } = await articleId(demoUrls.harborRadio);
    const retract = await add({
      articleId: id,
      expectedVersion: 1,
      kind: 'RETRACTION',
      note: 'This story is withdrawn.',
    });
    expect(retract.data?.addCorrection).toMatchObject({ article: { status: 'RETRACTED', version: 2 } });
    const later = await add({ articleId: id, expectedVersion: 2, kind: 'EDITORS_NOTE', note: 'Added context.' });
    expect(later.data?.addCorrection).toMatchObject({ article: { status: 'RETRACTED', version: 3 } });
    const listed = await demo.client.data<{ articles: { edges: { node: { status: string } }[] } }>(
      '{ articles(filter: { status: [RETRACTED] }) { edges { node { status } } } }',
    );
    expect(listed.articles.edges).toEqual([{ node: { status: 'RETRACTED' } }]);
  });

  it('never loses a change: 50 concurrent corrections from one version → one success, 49 conflicts, no gap', async () => {
    const { id, version } = await articleId(demoUrls.calderBackground);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        add({
          articleId: id,
          expectedVersion: version,
          kind: 'UPDATE',
          note: `Update number ${i}`,
          title: `Headline ${i}`,
        }),
      ),
    );
    const kinds = results.map((r) => r.data?.addCorrection.__typename ?? JSON.stringify(r.errors));
    expect(kinds.filter((k) => k === 'AddCorrectionSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'VersionConflictError')).toHaveLength(49);
    const winner = results.find((r) => r.data?.addCorrection.__typename === 'AddCorrectionSuccess');
    const winningTitle = (winner?.data?.addCorrection.article as { title: string }).title;
    const after = await demo.client.data<{
      article: {
        version: number;
        title: string;
        revisions: { version: number; title: string }[];
        corrections: { note: string }[];
      };
    }>('query ($id: ID!) { article(id: $id) { version title revisions { version title } corrections { note } } }', {
      id,
    });
    expect(after.article.version).toBe(version + 1);
    expect(after.article.title).toBe(winningTitle);
    expect(after.article.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(after.article.revisions[1]?.title).toBe(winningTitle);
    expect(after.article.corrections).toHaveLength(1);
  });

  describe('who may write', () => {
    const mutations: [string, string, Record<string, unknown>, 'EDITOR' | 'ADMIN'][] = [
      [
        'addCorrection',
        ADD,
        { input: { articleId: 'x', expectedVersion: 1, kind: 'CORRECTION', note: 'n' } },
        'EDITOR',
      ],
      [
        'createApiKey',
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeySuccess { key apiKey { role label } } } }',
        { input: { role: 'READER', label: 'made by test' } },
        'ADMIN',
      ],
    ];

    it.each(
      mutations,
    )('%s: anonymous → UNAUTHENTICATED, too low a role → FORBIDDEN, nothing changes', async (name, query, variables, needs) => {
      const count = async () => (await demo.store.handle.db.select().from(auditLog)).length;
      const auditBefore = await count();
      const anonymous = await demo.client.request(query, variables);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await demo.client.request(query, variables, demo.keys.bearer(demo.keys.reader));
      expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      if (needs === 'ADMIN') {
        const editor = await demo.client.request(query, variables, demo.keys.bearer(demo.keys.editor));
        expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const bogus = await demo.client.request(query, variables, {
        authorization: 'Bearer ng_e_not-a-real-key-at-all-000000000000000000000',
      });
      expect(bogus.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await count()).toBe(auditBefore);
      const allowed = await demo.client.request<Record<string, { __typename: string }>>(
        query,
        variables,
        demo.keys.bearer(needs === 'ADMIN' ? demo.keys.admin : demo.keys.editor),
      );
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.[name]?.__typename).toMatch(/Success|ValidationError/);
    });

    it('a key made by createApiKey works at once and is stored only as a hash', async () => {
      const made = await demo.client
        .data<{ createApiKey: { key: string } }>(
          'mutation { createApiKey(input: { role: EDITOR, label: "fresh" }) { ... on CreateApiKeySuccess { key } } }',
        )
        .catch(
          async () =>
            (
              await demo.client.request<{ createApiKey: { key: string } }>(
                'mutation { createApiKey(input: { role: EDITOR, label: "fresh" }) { ... on CreateApiKeySuccess { key } } }',
                {},
                demo.keys.bearer(demo.keys.admin),
              )
            ).data as { createApiKey: { key: string } },
        );
      const key = made.createApiKey.key;
      expect(key).toMatch(/^ng_e_/);
      const dump = JSON.stringify(await demo.store.handle.db.execute(sql`select * from api_keys`));
      expect(dump).not.toContain(key);
      const { id } = await articleId(demoUrls.institute);
      const used = await add({ articleId: id, expectedVersion: 1, kind: 'CLARIFICATION', note: 'Clarified.' }, key);
      expect(used.data?.addCorrection.__typename).toBe('AddCorrectionSuccess');
    });
  });
});
