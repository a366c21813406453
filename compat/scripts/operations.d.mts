/** Every way `current` (operation facts) breaks what `line` offered, one line each (empty: compatible). */
export function breakingChanges(line: unknown, current: unknown): string[];
