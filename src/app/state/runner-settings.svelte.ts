/**
 * Where the runner is, kept in this browser (localStorage, like the theme): `''` for the
 * page's own origin (`npm start` serves both), else an address such as
 * `http://192.168.1.10:8787` for a class runner started with `--allow-origin`.
 */
const KEY = 'flexos-runner-url';
/** The token a class runner started with `--token` asks for on its job routes. */
const TOKEN_KEY = 'flexos-runner-token';

/** Why `url` cannot be a runner address, or null when it can. */
export function runnerUrlProblem(url: string): string | null {
  const u = url.trim();
  if (u === '' || u.startsWith('/')) return null;
  try {
    // Read once, never changed: no reactive URL needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const parsed = new URL(u);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return 'the address must start with http:// or https://';
    if (parsed.search !== '' || parsed.hash !== '')
      return 'the address must not have a ?query or #fragment';
    return null;
  } catch {
    return 'not an address: try http://host:8787, or leave it empty for this page’s origin';
  }
}

class RunnerSettings {
  url = $state(read());
  token = $state(readToken());

  /** Sets and remembers the token (empty: none). */
  setToken(token: string): void {
    this.token = token.trim();
    try {
      if (this.token === '') localStorage.removeItem(TOKEN_KEY);
      else localStorage.setItem(TOKEN_KEY, this.token);
    } catch {
      // Not remembered, still used.
    }
  }

  /** Sets and remembers the address; returns why not instead when it is unusable. */
  set(url: string): string | null {
    const problem = runnerUrlProblem(url);
    if (problem) return problem;
    this.url = url.trim().replace(/\/+$/, '');
    try {
      if (this.url === '') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, this.url);
    } catch {
      // A browser that refuses storage still uses the address; it is just not remembered.
    }
    return null;
  }
}

function read(): string {
  try {
    const v = localStorage.getItem(KEY) ?? '';
    return runnerUrlProblem(v) === null ? v : '';
  } catch {
    return '';
  }
}

function readToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export const runnerSettings = new RunnerSettings();
