import Handlebars from 'handlebars';
import { HELPER_NAMES } from './template-helpers';

type AST = hbs.AST.Program;
type Node = hbs.AST.Node;

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);
const HELPERS = new Set<string>([...HELPER_NAMES, ...BUILT_IN_BLOCKS, 'lookup', 'log']);

/**
 * The data paths a template refers to, read from its Handlebars AST: `{{guestName}}` → `guestName`,
 * `{{pickup.airport}}` → `pickup.airport`, `{{#each items}}{{title}}{{/each}}` → `items[].title`,
 * `{{dateTime deadline}}` → `deadline`. A path that only prefixes others (`{{#if pickup}}` next to `pickup.time`,
 * the list of an `#each`) is left out: what remains are the leaves, comparable with TEMPLATE_FIELDS.
 */
export function placeholdersOf(source: string): Set<string> {
  const found = new Set<string>();
  visitProgram(Handlebars.parse(source), [''], found);
  return leaves(found);
}

function leaves(paths: Set<string>): Set<string> {
  const all = [...paths];
  return new Set(all.filter((p) => !all.some((q) => q !== p && (q.startsWith(`${p}.`) || q.startsWith(`${p}[].`)))));
}

function pathOf(node: hbs.AST.PathExpression, scopes: string[]): string | null {
  if (node.data) return null; // @index, @first, @root...
  const scope = scopes[Math.max(0, scopes.length - 1 - node.depth)];
  const rest = node.parts.join('.');
  if (!rest) return scope ? scope.replace(/\.$/, '') : null; // {{this}}
  return `${scope}${rest}`;
}

function visitProgram(program: AST | undefined, scopes: string[], found: Set<string>): void {
  for (const s of program?.body ?? []) visit(s, scopes, found);
}

function visitParams(params: Node[], hash: hbs.AST.Hash | undefined, scopes: string[], found: Set<string>): void {
  for (const p of [...params, ...(hash?.pairs.map((pair) => pair.value) ?? [])]) visit(p, scopes, found);
}

function visit(node: Node, scopes: string[], found: Set<string>): void {
  switch (node.type) {
    case 'PathExpression': {
      const p = pathOf(node as hbs.AST.PathExpression, scopes);
      if (p) found.add(p);
      return;
    }
    case 'MustacheStatement':
    case 'SubExpression': {
      const m = node as hbs.AST.MustacheStatement;
      const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
      const isHelper = m.params.length > 0 || !!m.hash || HELPERS.has(name);
      if (!isHelper) visit(m.path, scopes, found);
      visitParams(m.params, m.hash, scopes, found);
      return;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      const name = (b.path as hbs.AST.PathExpression).original;
      visitParams(b.params, b.hash, scopes, found);
      const first = b.params[0];
      const target = first && first.type === 'PathExpression' ? pathOf(first as hbs.AST.PathExpression, scopes) : null;
      if (name === 'each' && target) visitProgram(b.program, [...scopes, `${target}[].`], found);
      else if (name === 'with' && target) visitProgram(b.program, [...scopes, `${target}.`], found);
      else if (!HELPERS.has(name)) {
        // a section over a path: {{#pickup}}...{{/pickup}}
        const p = pathOf(b.path as hbs.AST.PathExpression, scopes);
        if (p) found.add(p);
        visitProgram(b.program, [...scopes, `${p}.`], found);
      } else visitProgram(b.program, scopes, found);
      visitProgram(b.inverse, scopes, found);
      return;
    }
    default:
      return; // content, comments, literals, partials
  }
}
