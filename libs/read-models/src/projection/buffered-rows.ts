import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { BulkStatements } from './bulk-statements';
import { RowRead } from './projection';
import { ReadModelRows } from './read-model-rows';

type Pending =
  | { kind: 'insert'; row: ObjectLiteral }
  | { kind: 'upsert'; row: ObjectLiteral }
  | { kind: 'update'; key: ObjectLiteral; changes: ObjectLiteral }
  | { kind: 'delete'; key: ObjectLiteral };

interface TableBuffer {
  metadata: EntityMetadata;
  pending: Map<string, Pending>;
  /** Rows as stored when the batch began, loaded by `load`; null where there is none. */
  stored: Map<string, ObjectLiteral | null>;
}

/**
 * A batch's writes, kept in memory and merged per row (an insert then three updates of an action
 * is one insert), then written with a few bulk statements per table by `flush`.
 */
export class BufferedRows implements ReadModelRows {
  private readonly tables = new Map<EntityTarget<ObjectLiteral>, TableBuffer>();

  constructor(private readonly manager: EntityManager) {}

  /**
   * Reads the stored rows the batch's events will ask for, with one query per table, so that
   * `find` and `get` answer them from memory. Nothing is written until `flush`, so a row read
   * now is the row as stored for the whole batch; the batch's own changes are laid over it.
   */
  async load(reads: RowRead[]): Promise<void> {
    const wanted = new Map<TableBuffer, Map<string, ObjectLiteral>>();
    for (const { entity, key } of reads) {
      const table = this.table(entity);
      const id = this.keyOf(table, key);
      if (table.stored.has(id)) continue;
      let keys = wanted.get(table);
      if (!keys) wanted.set(table, (keys = new Map()));
      keys.set(id, this.primaryKey(table, key));
    }
    for (const [table, keys] of wanted) {
      for (const id of keys.keys()) table.stored.set(id, null);
      for (const row of await new BulkStatements(this.manager, table.metadata).findByKeys([...keys.values()])) {
        table.stored.set(this.keyOf(table, row), row);
      }
    }
  }

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
      table.pending.clear();
      // What was loaded described the rows before these writes.
      table.stored.clear();
    }
  }

  private async stored(table: TableBuffer, id: string, key: ObjectLiteral): Promise<ObjectLiteral | undefined> {
    const loaded = table.stored.get(id);
    if (loaded !== undefined) return loaded ?? undefined;
    const row = await new BulkStatements(this.manager, table.metadata).findByKey(key);
    table.stored.set(id, row ?? null);
    return row;
  }

  private table(entity: EntityTarget<ObjectLiteral>): TableBuffer {
    let table = this.tables.get(entity);
    if (!table) {
      table = { metadata: this.manager.dataSource.getMetadata(entity), pending: new Map(), stored: new Map() };
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
