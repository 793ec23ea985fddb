import { CellValue, isBlank, Sheet, SheetRow, SpreadsheetError } from './spreadsheet';

/** What a column means, whatever the council calls it. */
export type ColumnKey =
  | 'ref'
  | 'area'
  | 'priorities'
  | 'title'
  | 'description'
  | 'intendedImpact'
  | 'owner'
  | 'ownerRole'
  | 'organisation'
  | 'leadOrganisation'
  | 'dueDate'
  | 'rag'
  | 'commentary'
  | 'asAt';

/** Header spellings seen in councils' plans, compared without case, spaces or punctuation. */
const ALIASES: Record<ColumnKey, string[]> = {
  ref: ['ref', 'reference', 'refno', 'actionref', 'actionreference', 'actionno', 'actionnumber', 'actionid'],
  area: ['area', 'areano', 'areanumber', 'areaname', 'improvementarea', 'planarea'],
  priorities: ['priorities', 'priority', 'recoverypriorities', 'recoverypriority', 'recoveryplanpriorities', 'hnbpriorities', 'deficitrecoverypriorities'],
  title: ['title', 'action', 'actiontitle', 'actionname'],
  description: ['description', 'actiondescription', 'detail', 'details'],
  intendedImpact: ['intendedimpact', 'impact', 'expectedimpact', 'intendedoutcome', 'outcome'],
  owner: ['owner', 'actionowner', 'ownername', 'leadofficer', 'responsibleofficer'],
  ownerRole: ['ownerrole', 'role', 'jobtitle', 'ownerjobtitle'],
  organisation: ['organisation', 'organization', 'org', 'ownerorganisation', 'ownerorganization', 'agency'],
  leadOrganisation: ['leadorganisation', 'leadorganization', 'leadagency'],
  dueDate: ['duedate', 'due', 'dueby', 'datedue', 'deadline', 'targetdate', 'completiondate', 'targetcompletiondate'],
  rag: ['rag', 'ragstatus', 'ragrating', 'status', 'rating', 'brag'],
  commentary: ['latestcommentary', 'commentary', 'comment', 'comments', 'latestupdate', 'progressupdate', 'update', 'narrative', 'latestposition'],
  asAt: ['asofdate', 'asof', 'asat', 'asatdate', 'lastupdated', 'updatedate', 'dateofupdate', 'dateupdated', 'reportingdate'],
};

/** Without these a row cannot become an action. */
export const REQUIRED_COLUMNS: ColumnKey[] = ['ref', 'area', 'title', 'description', 'owner', 'dueDate'];

/** How the report names a column: the file's own header. */
export type ColumnNames = Partial<Record<ColumnKey, string>>;

export interface HeaderedSheet {
  sheet: Sheet;
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  names: ColumnNames;
  /** Headers that mean nothing here; they are reported, never guessed at. */
  ignored: string[];
  /** The data rows below the header that have anything in them. */
  rows: SheetRow[];
}

const BY_ALIAS = new Map<string, ColumnKey>(
  (Object.entries(ALIASES) as [ColumnKey, string[]][]).flatMap(([key, aliases]) => aliases.map((alias) => [alias, key] as [string, ColumnKey])),
);

const normalise = (header: CellValue) => String(header ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Plans often open with a title or a note above the header, so the header may be any of the first rows. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header (the first row naming at least ref and title) in the first sheet that has
 * one, and maps each column to what it means.
 */
export function findHeader(sheets: Sheet[]): HeaderedSheet {
  for (const sheet of sheets) {
    const candidates = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c))).slice(0, HEADER_SEARCH_ROWS);
    const header = candidates.find((r) => {
      const keys = r.cells.map((c) => BY_ALIAS.get(normalise(c)));
      return keys.includes('ref') && keys.includes('title');
    });
    if (header) return mapHeader(sheet, header);
  }
  throw new SpreadsheetError(
    'headerRow',
    `No header row found: one of the first ${HEADER_SEARCH_ROWS} rows must name the columns, with at least "ref" and "title" ` +
      `(expected: ${REQUIRED_COLUMNS.join(', ')}; optional: priorities, intended impact, owner role, organisation, lead organisation, RAG, latest commentary, as at)`,
  );
}

function mapHeader(sheet: Sheet, header: SheetRow): HeaderedSheet {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const names: ColumnNames = {};
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const label = String(cell).trim();
    const key = BY_ALIAS.get(normalise(cell));
    if (!key) {
      ignored.push(label);
      return;
    }
    if (columns[key] !== undefined) {
      throw new SpreadsheetError('headerRow', `Row ${header.row}: columns "${names[key]}" and "${label}" both mean ${key}; keep one`);
    }
    columns[key] = index;
    names[key] = label;
  });
  const missing = REQUIRED_COLUMNS.filter((key) => columns[key] === undefined);
  if (columns.organisation === undefined && columns.leadOrganisation === undefined) missing.push('organisation' as ColumnKey);
  if (missing.length > 0) {
    throw new SpreadsheetError('headerRow', `Row ${header.row}: the header has no column for ${missing.join(', ')}`);
  }
  const rows = sheet.rows.filter((r) => r.row > header.row && r.cells.some((c) => !isBlank(c)));
  return { sheet, headerRow: header.row, columns, names, ignored, rows };
}
