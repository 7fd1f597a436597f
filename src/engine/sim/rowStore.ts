/** The database's rows, each with a version that every committed update increases by one. */
export interface Row {
  value: string;
  version: number;
}

export class RowStore {
  private readonly rows = new Map<string, Row>();
  readonly stats = { reads: 0, writes: 0 };

  constructor(initial: readonly ({ key: string } & Row)[] = []) {
    for (const { key, value, version } of initial) this.rows.set(key, { value, version });
  }

  select(key: string): Row | null {
    this.stats.reads++;
    return this.rows.get(key) ?? null;
  }

  /** Commits a new value; the row's version goes up by one (a new row starts at version 1). */
  update(key: string, value: string): Row {
    this.stats.writes++;
    const row = { value, version: (this.rows.get(key)?.version ?? 0) + 1 };
    this.rows.set(key, row);
    return row;
  }

  /** The committed row, without counting a read (for descriptions and consistency checks). */
  peek(key: string): Row | null {
    return this.rows.get(key) ?? null;
  }

  entries(): ({ key: string } & Row)[] {
    const out: ({ key: string } & Row)[] = [];
    for (const [key, row] of this.rows) out.push({ key, ...row });
    return out;
  }
}
