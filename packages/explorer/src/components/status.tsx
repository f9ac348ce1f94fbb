import type { ArticleStatus } from '@newsgraph/sdk';

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span class={`status status-${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}
