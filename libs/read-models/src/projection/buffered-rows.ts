import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { BulkStatements } from './bulk-statements';
import { ReadModelRows } from './read-model-rows';

type Pending =
  | { kind: 'insert'; row: ObjectLiteral }
  | { kind: 'upsert'; row: ObjectLiteral }
  | { kind: 'update'; key: ObjectLiteral; changes: ObjectLiteral }
  | { kind: 'delete'; key: ObjectLiteral };

interface TableBuffer {
  metadata: EntityMetadata;
  pending: Map<string, Pending>;
}

/**
 * Rows a rebuild has read once, kept current as it writes them, so reading them again does not ask
 * the database. Only sound while nothing else writes the read models, i.e. during a rebuild; the
 * live runner starts each batch without one.
 */
export class RememberedRows {
  private readonly rows = new Map<string, ObjectLiteral>();
  /** Tables something has been read from: only their writes need to keep remembered rows current. */
  readonly tablesRead = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  get(key: string): ObjectLiteral | undefined {
    return this.rows.get(key);
  }

  set(key: string, row: ObjectLiteral | undefined): void {
    this.rows.delete(key);
    if (row === undefined) return;
    // Oldest first out: Map keeps insertion order.
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, row);
  }
}

/**
 * A batch's writes, kept in memory and merged per row (an insert then three updates of an action
 * is one insert), then written with a few bulk statements per table by `flush`.
 */
export class BufferedRows implements ReadModelRows {
  private readonly tables = new Map<EntityTarget<ObjectLiteral>, TableBuffer>();

  constructor(
    private readonly manager: EntityManager,
    private readonly remembered?: RememberedRows,
  ) {}

  async find<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<T | undefined> {
    const table = this.table(entity);
    const id = this.keyOf(table, key);
    const pending = table.pending.get(id);
    if (pending?.kind === 'insert' || pending?.kind === 'upsert') return { ...pending.row } as T;
    if (pending?.kind === 'delete') return undefined;
    const stored = await this.stored(table, id, key);
    if (!stored) return undefined;
    return (pending?.kind === 'update' ? { ...stored, ...pending.changes } : { ...stored }) as T;
  }

  async get<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<T> {
    const row = await this.find(entity, key);
    if (!row) throw new Error(`No ${this.table(entity).metadata.name} row for ${JSON.stringify(key)}`);
    return row;
  }

  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T | T[]): void {
    const table = this.table(entity);
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      const id = this.keyOf(table, row);
      const pending = table.pending.get(id);
      if (pending && pending.kind !== 'delete') throw new Error(`${table.metadata.name} ${id} is written twice in one batch`);
      // A row deleted earlier in the batch may still be stored: the insert must replace it.
      table.pending.set(id, { kind: pending ? 'upsert' : 'insert', row: { ...row } });
    }
  }

  upsert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T | T[]): void {
    const table = this.table(entity);
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      const id = this.keyOf(table, row);
      const pending = table.pending.get(id);
      table.pending.set(id, { kind: pending?.kind === 'insert' ? 'insert' : 'upsert', row: { ...row } });
    }
  }

  update<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>, changes: Partial<T>): void {
    const table = this.table(entity);
    const id = this.keyOf(table, key);
    const pending = table.pending.get(id);
    if (pending?.kind === 'delete') return;
    if (pending?.kind === 'insert' || pending?.kind === 'upsert') pending.row = { ...pending.row, ...changes };
    else if (pending?.kind === 'update') pending.changes = { ...pending.changes, ...changes };
    else table.pending.set(id, { kind: 'update', key: this.primaryKey(table, key), changes: { ...changes } });
  }

  delete<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): void {
    const table = this.table(entity);
    const id = this.keyOf(table, key);
    if (table.pending.get(id)?.kind === 'insert') table.pending.delete(id);
    else table.pending.set(id, { kind: 'delete', key: this.primaryKey(table, key) });
  }

  /** Writes everything gathered, table by table, and forgets it. */
  async flush(): Promise<void> {
    for (const table of this.tables.values()) {
      const statements = new BulkStatements(this.manager, table.metadata);
      const ops = [...table.pending.values()];
      const deletes: ObjectLiteral[] = [];
      const inserts: ObjectLiteral[] = [];
      const upserts: ObjectLiteral[] = [];
      // Updates that set the same columns go in one statement.
      const updates = new Map<string, { key: ObjectLiteral; values: ObjectLiteral }[]>();
      for (const op of ops) {
        if (op.kind === 'delete') deletes.push(op.key);
        else if (op.kind === 'insert') inserts.push(op.row);
        else if (op.kind === 'upsert') upserts.push(op.row);
        else {
          const columns = Object.keys(op.changes).sort().join(',');
          if (columns !== '') updates.set(columns, [...(updates.get(columns) ?? []), { key: op.key, values: op.changes }]);
        }
      }
      await statements.delete(deletes);
      await statements.insert(inserts, 'fail');
      await statements.insert(upserts, 'replace');
      for (const [columns, changes] of updates) await statements.update(changes, columns.split(','));
      if (this.remembered?.tablesRead.has(table.metadata.tableName)) this.remember(table, ops);
      table.pending.clear();
    }
  }

  /** Keeps remembered rows current; rows never read back (timeline entries, say) are not kept. */
  private remember(table: TableBuffer, ops: Pending[]): void {
    for (const op of ops) {
      const id = this.keyOf(table, op.kind === 'insert' || op.kind === 'upsert' ? op.row : op.key);
      const known = this.remembered!.get(id);
      if (op.kind === 'delete') this.remembered!.set(id, undefined);
      else if (op.kind === 'upsert') this.remembered!.set(id, known && op.row);
      else if (op.kind === 'update') this.remembered!.set(id, known && { ...known, ...op.changes });
    }
  }

  private async stored(table: TableBuffer, id: string, key: ObjectLiteral): Promise<ObjectLiteral | undefined> {
    this.remembered?.tablesRead.add(table.metadata.tableName);
    const known = this.remembered?.get(id);
    if (known) return known;
    const row = await new BulkStatements(this.manager, table.metadata).findByKey(key);
    if (row) this.remembered?.set(id, row);
    return row;
  }

  private table(entity: EntityTarget<ObjectLiteral>): TableBuffer {
    let table = this.tables.get(entity);
    if (!table) {
      table = { metadata: this.manager.connection.getMetadata(entity), pending: new Map() };
      this.tables.set(entity, table);
    }
    return table;
  }

  private primaryKey(table: TableBuffer, key: ObjectLiteral): ObjectLiteral {
    return Object.fromEntries(table.metadata.primaryColumns.map((c) => [c.propertyName, key[c.propertyName]]));
  }

  /** The table and the primary key values: rows are only ever named by their whole primary key. */
  private keyOf(table: TableBuffer, key: ObjectLiteral): string {
    const parts = table.metadata.primaryColumns.map((c) => {
      const value = key[c.propertyName];
      if (value === undefined || value === null) throw new Error(`${table.metadata.name} rows are named by ${c.propertyName}`);
      return String(value);
    });
    return `${table.metadata.tableName}\u0000${parts.join('\u0000')}`;
  }
}
