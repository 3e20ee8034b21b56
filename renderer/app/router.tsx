import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  createContext,
  useContext,
  useEffect,
  useState,
} from 'react';

/**
 * A small history router: pages are plain paths (`/applications/:id/form`), so a link can be
 * shared and the browser's back button works. The server answers every non-API path with the
 * same page; this picks the view.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
  /**
   * What the page that navigated here handed on (`navigate(to, {state})`), null when nothing:
   * kept by the history entry, so it outlives a reload but never travels in a shared link.
   */
  state: unknown;
}

const LocationContext = createContext<Location>(currentLocation());

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>;
}

export function useLocation(): Location {
  return useContext(LocationContext);
}

/** Goes to a path inside the portal, as a link would, handing `state` to the next page. */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/**
 * The parameters of `pattern` (`/applications/:id`) in `path`, or null when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
}

/** An anchor that navigates without reloading the page (a modified click opens a new tab). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}

function currentLocation(): Location {
  const { pathname, search } = window.location;
  return { path: pathname, query: new URLSearchParams(search), state: window.history.state };
}
