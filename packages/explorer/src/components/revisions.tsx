import { diffWords } from 'diff';
import type { Revision } from '../api.js';
import { formatDateTime, humanize } from '../format.js';

function Diff({ before, after }: { before: string; after: string }) {
  const changes = diffWords(before, after);
  return (
    <p class="diff">
      {changes.map((change, i) =>
        change.added ? (
          <ins key={i}>{change.value}</ins>
        ) : change.removed ? (
          <del key={i}>{change.value}</del>
        ) : (
          <span key={i}>
            {change.value.length > 240 ? `${change.value.slice(0, 100)} … ${change.value.slice(-100)}` : change.value}
          </span>
        ),
      )}
    </p>
  );
}

/** Every version, newest first, with the correction that made it and what changed from the one before. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  const ordered = [...revisions].sort((a, b) => b.version - a.version);
  return (
    <ol class="revisions" data-testid="revisions">
      {ordered.map((revision) => {
        const previous = revisions.find((r) => r.version === revision.version - 1);
        const c = revision.correction;
        return (
          <li key={revision.version} class="revision">
            <h3>
              Version {revision.version}
              {c ? ` — ${humanize(c.kind)}` : revision.version === 1 ? ' — as first published' : ''}
            </h3>
            <p class="meta">
              {formatDateTime(c?.createdAt ?? revision.createdAt)}
              {c?.createdBy ? ` · by ${c.createdBy}` : ''}
            </p>
            {c && <p class="note">{c.note}</p>}
            {previous && (
              <details open={revision.version === ordered[0]?.version}>
                <summary>Changes from version {previous.version}</summary>
                {previous.title !== revision.title && (
                  <>
                    <h4>Title</h4>
                    <Diff before={previous.title} after={revision.title} />
                  </>
                )}
                {previous.body !== revision.body && (
                  <>
                    <h4>Text</h4>
                    <Diff before={previous.body} after={revision.body} />
                  </>
                )}
                {previous.title === revision.title && previous.body === revision.body && (
                  <p class="muted">The text did not change.</p>
                )}
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
