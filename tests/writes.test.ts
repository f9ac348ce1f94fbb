import { auditLog } from '@newsgraph/db';
import { demoUrls } from '@newsgraph/server';
import { describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines } from './support/engines.js';

type Result = Record<string, { __typename: string } & Record<string, unknown>>;

describe.each(engines)('other writes (%s)', (engine) => {
  const demo = useDemoStore(engine);
  const as = (key: string) => (query: string, variables: Record<string, unknown>) =>
    demo.client.request<Result>(query, variables, demo.keys.bearer(key));
  const idOf = async (url: string) =>
    (
      await demo.client.data<{ article: { id: string } }>('query ($url: String!) { article(url: $url) { id } }', {
        url,
      })
    ).article.id;

  const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) {
    __typename
    ... on CreateArticleSuccess { article { id url version title paragraphs publisher { name } attributions { role assertedBy source { name kind } } references { edges { node { kind target { url } targetTitle } } } } }
    ... on ValidationError { issues { field message } }
    ... on DuplicateError { existingId }
  } }`;

  it('createArticle stores an article with attributions and references; the same url again is a DuplicateError', async () => {
    const input = {
      url: 'https://eastbay.example/2026/03/06/terminal-night-shift-reaction',
      title: 'Dockworkers React to Night-Shift Plan',
      body: 'Workers gathered at the gate on Thursday.\n\nThe Calder Post first reported the plan.',
      publishedAt: '2026-03-06T08:00:00Z',
      publisher: { name: 'East Bay Courier', kind: 'OUTLET', domain: 'eastbay.example' },
      attributions: [{ role: 'WIRE_ORIGIN', source: { name: 'Calder Post', kind: 'OUTLET' }, paragraphIndex: 1 }],
      references: [
        { kind: 'RE_REPORTS', targetUrl: demoUrls.calder, anchorText: 'first reported', paragraphIndex: 1 },
        { kind: 'RELATED', targetTitle: 'A Story Nobody Has Imported Yet' },
      ],
    };
    const created = await as(demo.keys.editor)(CREATE, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createArticle).toMatchObject({
      __typename: 'CreateArticleSuccess',
      article: {
        version: 1,
        paragraphs: ['Workers gathered at the gate on Thursday.', 'The Calder Post first reported the plan.'],
        publisher: { name: 'East Bay Courier' },
        // "Calder Post" is an alias: it resolves to the stored outlet, not a new one
        attributions: [
          { role: 'WIRE_ORIGIN', assertedBy: 'EDITOR', source: { name: 'The Calder Post', kind: 'OUTLET' } },
        ],
      },
    });
    const refs = (
      created.data?.createArticle?.article as { references: { edges: { node: unknown }[] } }
    ).references.edges.map((e) => e.node);
    expect(refs).toContainEqual({ kind: 'RE_REPORTS', target: { url: demoUrls.calder }, targetTitle: null });
    expect(refs).toContainEqual({ kind: 'RELATED', target: null, targetTitle: 'A Story Nobody Has Imported Yet' });

    const again = await as(demo.keys.editor)(CREATE, { input });
    expect(again.data?.createArticle).toMatchObject({
      __typename: 'DuplicateError',
      existingId: (created.data?.createArticle?.article as { id: string }).id,
    });
  });

  it('createArticle attaches a source given by id as that very source, an anonymous one included', async () => {
    type Node = { id: string; kind: string; relayedBy: { id: string } | null };
    const { sources } = await demo.client.data<{ sources: { edges: { node: Node }[] } }>(
      '{ sources(first: 100) { edges { node { id kind relayedBy { id } } } } }',
      {},
    );
    const nodes = sources.edges.map((e) => e.node);
    const anonymous = nodes.find((s) => s.kind === 'ANONYMOUS' && s.relayedBy);
    const outlet = nodes.find((s) => s.kind === 'OUTLET');
    if (!anonymous || !outlet) throw new Error('the demo corpus has a relayed anonymous source and an outlet');
    const created = await as(demo.keys.editor)(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) {
        __typename ... on CreateArticleSuccess { article { publisher { id } attributions { source { id } via { id } } } }
      } }`,
      {
        input: {
          url: 'https://eastbay.example/2026/03/07/sources-by-id',
          title: 'Sources Named by Id',
          body: 'An official spoke on condition of anonymity.',
          publisher: { id: outlet.id },
          // no via: the source named is still the one relayed by its outlet (its via), not a new unrelayed one
          attributions: [{ role: 'ANONYMOUS_SOURCE', source: { id: anonymous.id } }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createArticle).toMatchObject({
      __typename: 'CreateArticleSuccess',
      article: {
        publisher: { id: outlet.id },
        attributions: [{ source: { id: anonymous.id }, via: { id: anonymous.relayedBy?.id } }],
      },
    });

    // the same anonymous source said to come through another outlet contradicts itself
    const other = nodes.find((s) => s.kind === 'OUTLET' && s.id !== anonymous.relayedBy?.id);
    const contradictory = await as(demo.keys.editor)(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) {
        __typename ... on ValidationError { issues { field } }
      } }`,
      {
        input: {
          url: 'https://eastbay.example/2026/03/07/sources-by-id-again',
          title: 'Sources Named by Id, Again',
          body: 'An official spoke on condition of anonymity.',
          attributions: [{ role: 'ANONYMOUS_SOURCE', source: { id: anonymous.id }, via: { id: other?.id } }],
        },
      },
    );
    expect(contradictory.data?.createArticle).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'attributions[0].via' }],
    });
  });

  it('createArticle sent several times at once: one article, the others a DuplicateError; a new source shared, not doubled', async () => {
    const input = (n: number) => ({
      url:
        n < 0
          ? 'https://harborlight.example/2026/03/09/pilot-strike'
          : `https://harborlight.example/2026/03/09/pilots-${n}`,
      title: 'Harbor Pilots Weigh a Strike',
      body: 'The pilots union met on Monday.',
      publisher: { name: 'Harborlight Gazette', kind: 'OUTLET', domain: 'harborlight.example' },
      attributions: [{ role: 'NAMED_SOURCE', source: { name: 'Orla Brennick', kind: 'PERSON' } }],
    });
    // the same url six times at once
    const same = await Promise.all(Array.from({ length: 6 }, () => as(demo.keys.editor)(CREATE, { input: input(-1) })));
    expect(same.flatMap((r) => r.errors ?? [])).toEqual([]);
    const kinds = same.map((r) => r.data?.createArticle?.__typename).sort();
    expect(kinds).toEqual(['CreateArticleSuccess', ...Array(5).fill('DuplicateError')]);
    const id = (
      same.find((r) => r.data?.createArticle?.__typename === 'CreateArticleSuccess')?.data?.createArticle?.article as {
        id: string;
      }
    ).id;
    expect(same.every((r) => r.data?.createArticle?.article || r.data?.createArticle?.existingId === id)).toBe(true);
    // six urls at once, all naming the same new publisher and person
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, n) => as(demo.keys.editor)(CREATE, { input: input(n) })),
    );
    expect(many.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(many.map((r) => r.data?.createArticle?.__typename)).toEqual(Array(6).fill('CreateArticleSuccess'));
    const found = await demo.client.data<{ sources: { totalCount: number } }>(
      '{ sources(filter: { namePrefix: "Orla Brennick" }) { totalCount } }',
      {},
    );
    expect(found.sources.totalCount).toBe(1);
  });

  it('createArticle names every bad field and stores nothing', async () => {
    const before = (await demo.client.data<{ articles: { totalCount: number } }>('{ articles { totalCount } }'))
      .articles.totalCount;
    const bad = await as(demo.keys.editor)(CREATE, {
      input: {
        url: 'not a url',
        title: '  ',
        body: 'x',
        publisher: { name: 'Nameless' },
        references: [{ kind: 'CITES' }],
      },
    });
    expect(bad.data?.createArticle?.__typename).toBe('ValidationError');
    const fields = (bad.data?.createArticle?.issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'title', 'publisher.kind', 'references[0]']));
    // every string that reaches a column is checked: NULs and overlong text name their field
    const nested = await as(demo.keys.editor)(CREATE, {
      input: {
        url: 'https://eastbay.example/2026/03/09/nul-check',
        title: 'NUL check',
        body: 'Body.',
        publisher: { name: 'East Bay Courier', kind: 'OUTLET', domain: `x${'y'.repeat(300)}.example` },
        attributions: [{ role: 'NAMED_SOURCE', source: { name: 'Someone', kind: 'PERSON' }, paragraphIndex: -1 }],
        references: [
          { kind: 'CITES', targetTitle: 'Bad\u0000title', anchorText: 'a'.repeat(1001), paragraphIndex: -2 },
        ],
      },
    });
    expect(nested.errors).toBeUndefined();
    expect(nested.data?.createArticle?.__typename).toBe('ValidationError');
    expect((nested.data?.createArticle?.issues as { field: string }[]).map((i) => i.field)).toEqual(
      expect.arrayContaining([
        'publisher.domain',
        'attributions[0].paragraphIndex',
        'references[0].targetTitle',
        'references[0].anchorText',
        'references[0].paragraphIndex',
      ]),
    );
    const after = (await demo.client.data<{ articles: { totalCount: number } }>('{ articles { totalCount } }')).articles
      .totalCount;
    expect(after).toBe(before);
  });

  it('a NUL in a read is refused by the operation that runs, however the document starts', async () => {
    const response = await demo.client.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation M { __typename } query Q($u: String!) { article(url: $u) { id } }',
        variables: { u: 'https://x.example/\u0000' },
        operationName: 'Q',
      }),
    });
    const result = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/NUL/);
  });

  const ADD_REF = `mutation ($input: AddCrossReferenceInput!) { addCrossReference(input: $input) {
    __typename
    ... on AddCrossReferenceSuccess { crossReference { id kind createdBy target { url } from { url } } }
    ... on DuplicateError { existingId }
    ... on ValidationError { issues { field } }
    ... on NotFoundError { message }
  } }`;
  const REMOVE_REF = `mutation ($id: ID!) { removeCrossReference(input: { id: $id }) {
    __typename ... on RemoveCrossReferenceSuccess { crossReference { removedAt removedBy } } ... on NotFoundError { message }
  } }`;

  it('adds a cross-reference, refuses a duplicate, and removes it softly so it stops counting', async () => {
    const from = await idOf(demoUrls.wireFollowUp);
    const target = await idOf(demoUrls.calder);
    const citedBefore = await demo.client.data<{ article: { citedBy: { totalCount: number } } }>(
      'query ($id: ID!) { article(id: $id) { citedBy { totalCount } } }',
      { id: target },
    );
    const added = await as(demo.keys.editor)(ADD_REF, {
      input: { fromId: from, targetId: target, kind: 'CITES', anchorText: 'reports' },
    });
    expect(added.data?.addCrossReference).toMatchObject({
      __typename: 'AddCrossReferenceSuccess',
      crossReference: {
        kind: 'CITES',
        createdBy: 'test editor',
        target: { url: demoUrls.calder },
        from: { url: demoUrls.wireFollowUp },
      },
    });
    const refId = (added.data?.addCrossReference?.crossReference as { id: string }).id;
    const dup = await as(demo.keys.editor)(ADD_REF, { input: { fromId: from, targetId: target, kind: 'CITES' } });
    expect(dup.data?.addCrossReference).toEqual({ __typename: 'DuplicateError', existingId: refId });
    const counted = await demo.client.data<{ article: { citedBy: { totalCount: number } } }>(
      'query ($id: ID!) { article(id: $id) { citedBy { totalCount } } }',
      { id: target },
    );
    expect(counted.article.citedBy.totalCount).toBe(citedBefore.article.citedBy.totalCount + 1);

    const removed = await as(demo.keys.editor)(REMOVE_REF, { id: refId });
    expect(removed.data?.removeCrossReference).toMatchObject({
      __typename: 'RemoveCrossReferenceSuccess',
      crossReference: { removedBy: 'test editor', removedAt: expect.any(String) },
    });
    const after = await demo.client.data<{ article: { citedBy: { totalCount: number } } }>(
      'query ($id: ID!) { article(id: $id) { citedBy { totalCount } } }',
      { id: target },
    );
    expect(after.article.citedBy.totalCount).toBe(citedBefore.article.citedBy.totalCount);
    const still = await demo.client.data<{ node: { removedAt: string | null } }>(
      'query ($id: ID!) { node(id: $id) { ... on CrossReference { removedAt } } }',
      {
        id: refId,
      },
    );
    expect(still.node.removedAt).not.toBeNull();
    const twice = await as(demo.keys.editor)(REMOVE_REF, { id: refId });
    expect(twice.data?.removeCrossReference?.__typename).toBe('NotFoundError');
  });

  it('addCrossReference validates and finds missing articles', async () => {
    const from = await idOf(demoUrls.wireFollowUp);
    const self = await as(demo.keys.editor)(ADD_REF, { input: { fromId: from, targetId: from, kind: 'CITES' } });
    expect(self.data?.addCrossReference?.__typename).toBe('ValidationError');
    const nothing = await as(demo.keys.editor)(ADD_REF, { input: { fromId: from, kind: 'CITES' } });
    expect(nothing.data?.addCrossReference?.__typename).toBe('ValidationError');
    const ghost = Buffer.from('Article:00000000-0000-4000-8000-000000000000').toString('base64');
    const missing = await as(demo.keys.editor)(ADD_REF, {
      input: { fromId: ghost, targetUrl: 'https://x.example/y', kind: 'CITES' },
    });
    expect(missing.data?.addCrossReference?.__typename).toBe('NotFoundError');
  });

  const MERGE = `mutation ($input: MergeSourcesInput!) { mergeSources(input: $input) {
    __typename ... on MergeSourcesSuccess { movedAttributions source { name aliases attributions { totalCount } } }
    ... on ValidationError { issues { field } } ... on NotFoundError { message }
  } }`;

  it('mergeSources (ADMIN) moves attributions to the target, merges aliases and records the merge', async () => {
    // a duplicate spelling that an import might create
    const dup = await as(demo.keys.editor)(CREATE, {
      input: {
        url: 'https://eastbay.example/2026/03/07/second-look',
        title: 'A Second Look at the Port Plan',
        body: 'Meridian Wire News said the plan is on hold.',
        attributions: [{ role: 'NAMED_SOURCE', source: { name: 'Meridian Wire News', kind: 'WIRE_AGENCY' } }],
      },
    });
    expect(dup.data?.createArticle?.__typename).toBe('CreateArticleSuccess');
    const ids = await demo.client.data<{
      a: { id: string; attributions: { totalCount: number } };
      b: { id: string; attributions: { totalCount: number } };
    }>(
      '{ a: source(name: "Meridian Wire News") { id attributions { totalCount } } b: source(name: "Meridian Wire") { id attributions { totalCount } } }',
    );
    const forbidden = await as(demo.keys.editor)(MERGE, { input: { sourceId: ids.a.id, intoId: ids.b.id } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const merged = await as(demo.keys.admin)(MERGE, { input: { sourceId: ids.a.id, intoId: ids.b.id } });
    expect(merged.data?.mergeSources).toMatchObject({
      __typename: 'MergeSourcesSuccess',
      movedAttributions: 1,
      source: {
        name: 'Meridian Wire',
        aliases: ['Meridian', 'Meridian Wire News'],
        attributions: { totalCount: ids.b.attributions.totalCount + 1 },
      },
    });
    const listed = await demo.client.data<{ sources: { edges: { node: { name: string } }[] } }>(
      '{ sources(filter: { namePrefix: "Meridian" }) { edges { node { name } } } }',
    );
    expect(listed.sources.edges.map((e) => e.node.name)).toEqual(['Meridian Wire']);
    const old = await demo.client.data<{ node: { mergedInto: { name: string } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Source { mergedInto { name } } } }',
      { id: ids.a.id },
    );
    expect(old.node.mergedInto.name).toBe('Meridian Wire');
    const again = await as(demo.keys.admin)(MERGE, { input: { sourceId: ids.a.id, intoId: ids.b.id } });
    expect(again.data?.mergeSources?.__typename).toBe('ValidationError');
    const log = await demo.store.handle.db.select().from(auditLog);
    expect(log.map((r) => r.action)).toEqual(
      expect.arrayContaining(['createArticle', 'addCrossReference', 'removeCrossReference', 'mergeSources']),
    );
  });

  it('merging the survivor of a merge again keeps every merged source one step from the last survivor', async () => {
    const names = ['Tidewater Ledger', 'Tidewater Ledger Weekly', 'Tidewater Ledger Group'];
    for (const [i, name] of names.entries()) {
      const made = await as(demo.keys.editor)(CREATE, {
        input: {
          url: `https://tidewater.example/2026/03/0${i + 1}/chain`,
          title: `Chain ${i}`,
          body: 'A short item.',
          publisher: { name, kind: 'OUTLET' },
        },
      });
      expect(made.data?.createArticle?.__typename).toBe('CreateArticleSuccess');
    }
    const ids = await demo.client.data<Record<'a' | 'b' | 'c', { id: string }>>(
      `{ a: source(name: "${names[0]}") { id } b: source(name: "${names[1]}") { id } c: source(name: "${names[2]}") { id } }`,
    );
    for (const [from, into] of [
      [ids.a.id, ids.b.id],
      [ids.b.id, ids.c.id],
    ]) {
      const merged = await as(demo.keys.admin)(MERGE, { input: { sourceId: from, intoId: into } });
      expect(merged.data?.mergeSources?.__typename).toBe('MergeSourcesSuccess');
    }
    const first = await demo.client.data<{ node: { mergedInto: { id: string } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Source { mergedInto { id } } } }',
      { id: ids.a.id },
    );
    expect(first.node.mergedInto.id).toBe(ids.c.id);
    const byOldId = await as(demo.keys.editor)(CREATE, {
      input: {
        url: 'https://tidewater.example/2026/03/04/chain',
        title: 'Chain by old id',
        body: 'A short item.',
        publisher: { id: ids.a.id },
      },
    });
    expect(byOldId.data?.createArticle).toMatchObject({ article: { publisher: { name: names[2] } } });
  });

  it('two merges racing in opposite directions: one wins, the other gets a typed error, no cycle', async () => {
    const names = ['Harborline Desk', 'Harborline Newsdesk'];
    for (const [i, name] of names.entries()) {
      const made = await as(demo.keys.editor)(CREATE, {
        input: {
          url: `https://harborline.example/2026/03/0${i + 1}/story`,
          title: `Harborline story ${i}`,
          body: `${name} said the ferry runs again.`,
          attributions: [{ role: 'NAMED_SOURCE', source: { name, kind: 'OUTLET' } }],
        },
      });
      expect(made.data?.createArticle?.__typename).toBe('CreateArticleSuccess');
    }
    const ids = await demo.client.data<{ a: { id: string }; b: { id: string } }>(
      `{ a: source(name: "${names[0]}") { id } b: source(name: "${names[1]}") { id } }`,
    );
    const results = await Promise.all([
      as(demo.keys.admin)(MERGE, { input: { sourceId: ids.a.id, intoId: ids.b.id } }),
      as(demo.keys.admin)(MERGE, { input: { sourceId: ids.b.id, intoId: ids.a.id } }),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.map((r) => r.data?.mergeSources?.__typename).sort()).toEqual([
      'MergeSourcesSuccess',
      'ValidationError',
    ]);
    const after = await demo.client.data<{
      a: { mergedInto: { id: string } | null };
      b: { mergedInto: { id: string } | null };
    }>(
      'query ($a: ID!, $b: ID!) { a: node(id: $a) { ... on Source { mergedInto { id } } } b: node(id: $b) { ... on Source { mergedInto { id } } } }',
      { a: ids.a.id, b: ids.b.id },
    );
    expect([after.a.mergedInto, after.b.mergedInto].filter(Boolean)).toHaveLength(1);
  });
});
