import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, OperationDefinitionNode, parse, print } from 'graphql';

export const REPO_ROOT = join(__dirname, '..', '..');

/** The README and every Markdown file under docs/, README first: the manual a newcomer reads. */
export function manualFiles(): string[] {
  const docs = join(REPO_ROOT, 'docs');
  const found = readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docs, name))
    .sort();
  return [join(REPO_ROOT, 'README.md'), ...found];
}

export const shortName = (file: string) => relative(REPO_ROOT, file);

export interface FencedBlock {
  file: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  language: string;
  body: string;
}

/** Every fenced code block in a Markdown file, with its language tag. */
export function fencedBlocks(file: string): FencedBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ file, line: start + 1, language: open[1], body: body.join('\n') });
  }
  return blocks;
}

export interface RunnableOperation {
  where: string;
  /** Whose token it needs: `# as: <user id>` in the block, else the board chair. */
  user: string;
  source: string;
  name: string;
  variables: string[];
  /** `# keep: name = path`: values later operations receive as `$name`. */
  keeps: { name: string; path: string[] }[];
}

/**
 * A ```graphql block is pasteable into GraphiQL as it stands: comments carry who runs it
 * (`# as:`) and which answers later blocks use (`# keep:`); each operation in it runs alone,
 * as a person would run them one after another.
 */
export function graphqlOperations(block: FencedBlock): RunnableOperation[] {
  const where = `${shortName(block.file)}:${block.line}`;
  const user = /^#\s*as:\s*(\S+)\s*$/m.exec(block.body)?.[1] ?? 'board-chair';
  const keeps = [...block.body.matchAll(/^#\s*keep:\s*(\w+)\s*=\s*(\S+)\s*$/gm)].map((m) => ({ name: m[1], path: m[2].split('.') }));
  let document;
  try {
    document = parse(block.body);
  } catch (error) {
    throw new Error(`${where}: the graphql block does not parse: ${(error as Error).message}`);
  }
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op, i) => ({
      where: `${where} (operation ${op.name?.value ?? i + 1})`,
      user,
      source: print(op),
      name: op.name?.value ?? `#${i + 1}`,
      variables: (op.variableDefinitions ?? []).map((v) => v.variable.name.value),
      keeps,
    }));
}

/** `a.b.0.id`, with a negative index counting from the end (`meetings.-1.id`: the last meeting's id). */
export function valueAt(data: unknown, path: string[]): unknown {
  let value: unknown = data;
  for (const step of path) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value) && /^-?\d+$/.test(step)) {
      const index = Number(step);
      value = value[index < 0 ? value.length + index : index];
    } else {
      value = (value as Record<string, unknown>)[step];
    }
  }
  return value;
}

/** The npm scripts a Markdown text tells someone to run: `npm run x`, `npm run -s x`, `npm test`, `npm start`. */
export function npmScriptsNamed(text: string): string[] {
  const run = [...text.matchAll(/\bnpm run(?:\s+-s)?\s+([\w:.-]+)/g)].map((m) => m[1]);
  const shorthand = [...text.matchAll(/\bnpm (test|start)\b/g)].map((m) => m[1]);
  return [...run, ...shorthand];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export const headingAnchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors a Markdown file's headings give (outside code blocks). */
export function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1])));
}

/** Relative links and images in a Markdown file (outside code blocks): `[text](target)`. */
export function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z]+:/i.test(target));
}
