/**
 * The path to return to after logging in, taken from `?next=`. Only paths of
 * this site are accepted; anything else (other origins, `//host`, the login
 * page itself) gives the home page.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(next)) return '/';
  const pathname = next.split(/[?#]/, 1)[0] ?? '/';
  if (pathname === '/login' || pathname === '/signup') return '/';
  return next;
}

/** The login page, remembering where to go afterwards. */
export function loginPathFor(wanted: string): string {
  const next = safeNextPath(wanted);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
