import { type Article, type CorrectionKind, NewsgraphError } from '@newsgraph/sdk';
import { useState } from 'preact/hooks';
import { editor, errorMessage } from '../api.js';
import { humanize } from '../format.js';

const KINDS: CorrectionKind[] = ['CORRECTION', 'CLARIFICATION', 'UPDATE', 'EDITORS_NOTE', 'RETRACTION'];

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'done'; version: number }
  | { kind: 'conflict'; expected: number; current: number }
  | { kind: 'error'; message: string; issues?: { field: string; message: string }[] };

/** Adds a correction at the version the editor is looking at (compare-and-set on the server). */
export function CorrectionForm({
  article,
  onSaved,
  onReload,
}: {
  article: Article;
  onSaved: () => void;
  onReload: () => void;
}) {
  const [kind, setKind] = useState<CorrectionKind>('CORRECTION');
  const [note, setNote] = useState('');
  const [title, setTitle] = useState(article.title);
  const [body, setBody] = useState(article.body);
  const [baseVersion, setBaseVersion] = useState(article.version);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const client = editor();
  if (!client) {
    return (
      <p class="muted">
        Editors: use <strong>Editor sign-in</strong> at the top of the page with an EDITOR API key to correct this
        article.
      </p>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setOutcome({ kind: 'saving' });
    try {
      const result = await client.addCorrection({
        articleId: article.id,
        expectedVersion: baseVersion,
        kind,
        note,
        ...(title !== article.title ? { title } : {}),
        ...(body !== article.body ? { body } : {}),
      });
      switch (result.__typename) {
        case 'AddCorrectionSuccess':
          setOutcome({ kind: 'done', version: result.article.version });
          setBaseVersion(result.article.version);
          setTitle(result.article.title);
          setNote('');
          onSaved();
          break;
        case 'VersionConflictError':
          setOutcome({ kind: 'conflict', expected: result.expectedVersion, current: result.currentVersion });
          break;
        case 'ValidationError':
          setOutcome({ kind: 'error', message: result.message, issues: result.issues });
          break;
        case 'NotFoundError':
          setOutcome({ kind: 'error', message: 'This article no longer exists.' });
          break;
      }
    } catch (error) {
      const message =
        error instanceof NewsgraphError && error.kind === 'auth'
          ? 'The server refused the editor key. Check it, or sign in again with another key.'
          : errorMessage(error);
      setOutcome({ kind: 'error', message });
    }
  };

  return (
    <form class="correction-form" onSubmit={submit} aria-labelledby="correct-heading">
      <h3 id="correct-heading">Add a correction to version {baseVersion}</h3>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as CorrectionKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {humanize(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Public note
        <textarea required rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        Title
        <input type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Text (paragraphs separated by a blank line)
        <textarea rows={8} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={outcome.kind === 'saving' || !note.trim()}>
        {outcome.kind === 'saving' ? 'Saving…' : 'Publish correction'}
      </button>
      <output aria-live="polite">
        {outcome.kind === 'done' && <p class="ok">Saved: the article is now at version {outcome.version}.</p>}
      </output>
      {outcome.kind === 'conflict' && (
        <div class="conflict" role="alert">
          <p>
            Someone else changed this article while you were editing: you started from version {outcome.expected}, and
            it is now at version {outcome.current}. Your correction was not saved, so nothing of theirs was overwritten.
          </p>
          <p>Reload the article to see their change; your note and text stay in this form to re-apply.</p>
          <button
            type="button"
            onClick={() => {
              setBaseVersion(outcome.current);
              setOutcome({ kind: 'idle' });
              onReload();
            }}
          >
            Reload version {outcome.current}
          </button>
        </div>
      )}
      {outcome.kind === 'error' && (
        <div class="error" role="alert">
          <p>{outcome.message}</p>
          {outcome.issues && (
            <ul>
              {outcome.issues.map((issue) => (
                <li key={issue.field}>
                  {issue.field}: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
