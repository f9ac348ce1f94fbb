import { useEffect, useState } from 'preact/hooks';

export type Route = { page: 'home' } | { page: 'article'; id: string } | { page: 'missing'; path: string };

export function parse(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  const match = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) {
    try {
      return { page: 'article', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'missing', path: pathname };
    }
  }
  return { page: 'missing', path: pathname };
}

export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`;

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** The current route; same-origin link clicks become history entries instead of page loads. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parse(window.location.pathname));
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/graphql')) return;
      event.preventDefault();
      navigate(url.pathname + url.search);
    };
    window.addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return route;
}
