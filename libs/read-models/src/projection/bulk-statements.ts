import { EntityManager, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** SQLite binds at most 32,766 values per statement. */
const SQLITE_MAX_PARAMETERS = 30_000;
/** Rows per SQLite statement: enough to amortise the call, few enough that full chunks share one prepared statement. */
const SQLITE_MAX_ROWS = 500;
/** Rows per PostgreSQL statement: one array per column, so only the size of the message limits it. */
const POSTGRES_MAX_ROWS = 5_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes many rows of one table with a handful of statements, in the dialect of the manager's
 * database (SQLite or PostgreSQL). Values go through TypeORM's own conversions (transformers,
 * simple-json, booleans), so the rows read back exactly as if the entity manager had written them.
 */
export class BulkStatements {
  private readonly postgres: boolean;
  private readonly table: string;

  constructor(
    private readonly manager: EntityManager,
    private readonly metadata: EntityMetadata,
  ) {
    this.postgres = manager.dataSource.options.type === 'postgres';
    this.table = quote(metadata.tableName);
  }

  get primaryColumns(): ColumnMetadata[] {
    return this.metadata.primaryColumns;
  }

  async insert(rows: ObjectLiteral[], onConflict: 'fail' | 'replace'): Promise<void> {
    const columns = this.metadata.columns;
    const keys = this.primaryColumns.map((c) => quote(c.databaseName)).join(', ');
    const others = columns.filter((c) => !c.isPrimary);
    const conflict =
      onConflict === 'fail'
        ? ''
        : others.length === 0
          ? ` ON CONFLICT (${keys}) DO NOTHING`
          : ` ON CONFLICT (${keys}) DO UPDATE SET ${others.map((c) => `${quote(c.databaseName)} = excluded.${quote(c.databaseName)}`).join(', ')}`;
    const names = columns.map((c) => quote(c.databaseName)).join(', ');
    await this.inChunks(rows, columns, (chunk) => {
      if (this.postgres) return [`INSERT INTO ${this.table} (${names}) SELECT * FROM ${this.unnest(columns)}${conflict}`, this.arrays(columns, chunk)];
      const parameters: unknown[] = [];
      const values = chunk.map((row) => `(${columns.map((c) => this.bind(parameters, this.toDatabase(c, row))).join(', ')})`);
      return [`INSERT INTO ${this.table} (${names}) VALUES ${values.join(', ')}${conflict}`, parameters];
    });
  }

  /**
   * Sets the given columns of existing rows, found by primary key, in one statement per chunk:
   * `UPDATE … FROM` a list of the new values (a VALUES list on SQLite, arrays on PostgreSQL).
   * A key with no row changes nothing.
   */
  async update(changes: { key: ObjectLiteral; values: ObjectLiteral }[], columnNames: string[]): Promise<void> {
    const keyColumns = this.primaryColumns;
    const setColumns = columnNames.map((name) => this.column(name));
    const all = [...keyColumns, ...setColumns];
    // Both databases name the columns of a VALUES list column1, column2…; the unnest is named to match.
    const set = setColumns.map((c, i) => `${quote(c.databaseName)} = v.column${keyColumns.length + i + 1}`).join(', ');
    const match = keyColumns.map((c, i) => `${this.table}.${quote(c.databaseName)} = v.column${i + 1}`).join(' AND ');
    const rows = changes.map(({ key, values }) => ({ ...values, ...key }));
    await this.inChunks(rows, all, (chunk) => {
      if (this.postgres) return [`UPDATE ${this.table} SET ${set} FROM ${this.unnest(all)} WHERE ${match}`, this.arrays(all, chunk)];
      const parameters: unknown[] = [];
      const values = chunk.map((row) => `(${all.map((c) => this.bind(parameters, this.toDatabase(c, row))).join(', ')})`);
      return [`UPDATE ${this.table} SET ${set} FROM (VALUES ${values.join(', ')}) AS v WHERE ${match}`, parameters];
    });
  }

  async delete(keys: ObjectLiteral[]): Promise<void> {
    for (const key of keys) {
      const parameters: unknown[] = [];
      const where = this.primaryColumns.map((c) => `${quote(c.databaseName)} = ${this.bind(parameters, this.toDatabase(c, key))}`).join(' AND ');
      await this.manager.query(`DELETE FROM ${this.table} WHERE ${where}`, parameters);
    }
  }

  async findByKey(key: ObjectLiteral): Promise<ObjectLiteral | undefined> {
    const [row] = await this.findByKeys([key]);
    return row;
  }

  /** The stored rows with these primary keys, in no particular order; keys with no row are left out. */
  async findByKeys(keys: ObjectLiteral[]): Promise<ObjectLiteral[]> {
    const found: ObjectLiteral[] = [];
    const keyColumns = this.primaryColumns;
    await this.inChunks(keys, keyColumns, (chunk) => {
      if (this.postgres) {
        const match = keyColumns.map((c, i) => `${this.table}.${quote(c.databaseName)} = v.column${i + 1}`).join(' AND ');
        return [`SELECT ${this.table}.* FROM ${this.table} JOIN ${this.unnest(keyColumns)} ON ${match}`, this.arrays(keyColumns, chunk)];
      }
      const parameters: unknown[] = [];
      const names = keyColumns.map((c) => quote(c.databaseName)).join(', ');
      const values = chunk.map((key) => `(${keyColumns.map((c) => this.bind(parameters, this.toDatabase(c, key))).join(', ')})`);
      // A list of row values: SQLite looks each one up in the primary key's index.
      return [`SELECT * FROM ${this.table} WHERE (${names}) IN (VALUES ${values.join(', ')})`, parameters];
    }, (raws) => {
      for (const raw of raws as ObjectLiteral[]) found.push(this.hydrate(raw));
    });
    return found;
  }

  private hydrate(raw: ObjectLiteral): ObjectLiteral {
    const row: ObjectLiteral = {};
    for (const c of this.metadata.columns) row[c.propertyName] = this.manager.dataSource.driver.prepareHydratedValue(raw[c.databaseName], c);
    return row;
  }

  private column(propertyName: string): ColumnMetadata {
    const column = this.metadata.findColumnWithPropertyName(propertyName);
    if (!column) throw new Error(`${this.metadata.name} has no column ${propertyName}`);
    return column;
  }

  private toDatabase(column: ColumnMetadata, row: ObjectLiteral): unknown {
    const value = this.manager.dataSource.driver.preparePersistentValue(row[column.propertyName], column);
    return value === undefined ? null : value;
  }

  private bind(parameters: unknown[], value: unknown): string {
    parameters.push(value);
    return this.postgres ? `$${parameters.length}` : '?';
  }

  /** PostgreSQL takes a chunk as one typed array per column: a short statement however many rows. */
  private unnest(columns: ColumnMetadata[]): string {
    const arrays = columns.map((c, i) => `$${i + 1}::${this.manager.dataSource.driver.normalizeType(c)}[]`);
    return `unnest(${arrays.join(', ')}) AS v(${columns.map((_, i) => `column${i + 1}`).join(', ')})`;
  }

  private arrays(columns: ColumnMetadata[], rows: ObjectLiteral[]): unknown[][] {
    return columns.map((c) => rows.map((row) => this.toDatabase(c, row)));
  }

  private async inChunks(
    rows: ObjectLiteral[],
    columns: ColumnMetadata[],
    statement: (chunk: ObjectLiteral[]) => [string, unknown[]],
    onResult: (result: unknown) => void = () => undefined,
  ): Promise<void> {
    const size = this.postgres ? POSTGRES_MAX_ROWS : Math.max(1, Math.min(SQLITE_MAX_ROWS, Math.floor(SQLITE_MAX_PARAMETERS / columns.length)));
    for (let i = 0; i < rows.length; i += size) {
      const [sql, parameters] = statement(rows.slice(i, i + size));
      onResult(await this.manager.query(sql, parameters));
    }
  }
}
