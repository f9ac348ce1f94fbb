import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { editorKey, setEditorKey } from './api.js';
import { ArticlePage } from './pages/article.js';
import { HomePage } from './pages/home.js';
import { useRoute } from './router.js';
import './styles.css';

function EditorKey() {
  const [key, setKey] = useState(editorKey());
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  useEffect(() => {
    const sync = () => setKey(editorKey());
    window.addEventListener('newsgraph-key', sync);
    return () => window.removeEventListener('newsgraph-key', sync);
  }, []);
  const save = (value: string | null) => {
    setEditorKey(value);
    setKey(value);
    setDraft('');
    setOpen(false);
    window.dispatchEvent(new Event('newsgraph-key'));
  };
  return (
    <div class="editor-key">
      <button type="button" aria-expanded={open} aria-controls="editor-key-form" onClick={() => setOpen(!open)}>
        {key ? 'Editor key set' : 'Editor sign-in'}
      </button>
      {open && (
        <form
          id="editor-key-form"
          class="editor-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) save(draft.trim());
          }}
        >
          <label for="editor-key-input">API key (kept in this tab only)</label>
          <input
            id="editor-key-input"
            type="password"
            autocomplete="off"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <div class="row">
            <button type="submit">Use key</button>
            {key && (
              <button type="button" onClick={() => save(null)}>
                Forget key
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

function App() {
  const route = useRoute();
  useEffect(() => {
    if (route.page === 'home') document.title = 'newsgraph explorer';
  }, [route]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          newsgraph
        </a>
        <nav aria-label="Site">
          <a href="/graphql" target="_self" rel="external">
            GraphiQL
          </a>
        </nav>
        <EditorKey />
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'home' && <HomePage />}
        {route.page === 'article' && <ArticlePage key={route.id} id={route.id} />}
        {route.page === 'missing' && (
          <section>
            <h1>Not found</h1>
            <p>
              Nothing lives at <code>{route.path}</code>. <a href="/">Back to search</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
