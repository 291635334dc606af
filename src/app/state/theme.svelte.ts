/** Light or dark: the system's choice unless the user picked one (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'flexos-theme';

class Theme {
  choice = $state<ThemeChoice>(readChoice());
  private systemDark = $state(
    typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches,
  );
  /** The theme in effect. */
  resolved = $derived<'light' | 'dark'>(
    this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );

  constructor() {
    if (typeof matchMedia !== 'undefined') {
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
        this.systemDark = e.matches;
      });
    }
    this.apply();
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // A browser that refuses storage still switches; the choice just is not remembered.
    }
    this.apply();
  }

  /** system → light → dark → system. */
  cycle(): void {
    this.set(this.choice === 'system' ? 'light' : this.choice === 'light' ? 'dark' : 'system');
  }

  private apply(): void {
    if (typeof document === 'undefined') return;
    if (this.choice === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = this.choice;
  }
}

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export const theme = new Theme();
