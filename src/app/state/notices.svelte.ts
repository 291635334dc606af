/**
 * Messages the user must see: storage failures, broken links, worker restarts. Nothing that
 * goes wrong is swallowed; it becomes a notice. Errors stay until dismissed, the rest fade.
 */
export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'info';
  text: string;
}

class Notices {
  list = $state<Notice[]>([]);
  private next = 1;

  push(kind: Notice['kind'], text: string, ttlMs = kind === 'error' ? 0 : 5000): number {
    const id = this.next++;
    this.list = [...this.list.filter((n) => n.text !== text), { id, kind, text }];
    if (ttlMs > 0) setTimeout(() => this.dismiss(id), ttlMs);
    return id;
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}

export const notices = new Notices();

/** The message of anything thrown, for a notice. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
