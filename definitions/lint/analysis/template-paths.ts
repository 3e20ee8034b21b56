import { type SchemaResolver } from './form-schema-lookup';

/** Variables a template may use at its top level, besides `data` (the form data). */
export const templateRoots = [
  'data',
  'application',
  'matter',
  'applicant',
  'comment',
  'now',
  'corrections',
];

export interface TemplatePathProblem {
  kind: 'unknown-field' | 'unknown-variable';
  path: string;
  line: number;
  column: number;
  message: string;
}

/** What `this` is inside a block: the root context, some form schemas, or something unknown. */
type Scope = { kind: 'root' } | { kind: 'schema'; schemas: unknown[] } | { kind: 'unknown' };

type Node = hbs.AST.Node;
type PathExpression = hbs.AST.PathExpression;

/**
 * Checks the paths a template reads against the form schema: `data.a.b` at the top level, and
 * inside `{{#each data.list}}` / `{{#with data.obj}}` bare paths and `this.x` against the item
 * or object schema (`../` steps back out). Helper names are not paths; helper arguments are.
 */
export function templatePathProblems(
  program: hbs.AST.Program,
  formSchema: unknown,
  resolver: SchemaResolver,
): TemplatePathProblem[] {
  const problems: TemplatePathProblem[] = [];
  const checker = new PathChecker(formSchema, resolver, problems);
  checker.program(program, [{ kind: 'root' }]);
  return problems;
}

class PathChecker {
  constructor(
    private readonly formSchema: unknown,
    private readonly resolver: SchemaResolver,
    private readonly problems: TemplatePathProblem[],
  ) {}

  program(program: hbs.AST.Program | undefined, scopes: Scope[]): void {
    for (const statement of program?.body ?? []) this.statement(statement, scopes);
  }

  private statement(node: Node, scopes: Scope[]): void {
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
      this.call(node as hbs.AST.MustacheStatement, scopes);
    } else if (node.type === 'BlockStatement') {
      this.block(node as hbs.AST.BlockStatement, scopes);
    }
  }

  private call(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, scopes: Scope[]): void {
    const isHelper = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (!isHelper) this.expression(node.path, scopes);
    this.arguments(node, scopes);
  }

  private arguments(node: { params: Node[]; hash?: hbs.AST.Hash }, scopes: Scope[]): void {
    for (const param of node.params) this.expression(param, scopes);
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value, scopes);
  }

  private expression(node: Node, scopes: Scope[]): void {
    if (node.type === 'PathExpression') this.resolve(node as PathExpression, scopes);
    else if (node.type === 'SubExpression') this.call(node as hbs.AST.SubExpression, scopes);
  }

  private block(node: hbs.AST.BlockStatement, scopes: Scope[]): void {
    this.arguments(node, scopes);
    const helper = (node.path as PathExpression).original;
    const first = node.params[0];
    const target =
      first?.type === 'PathExpression' ? this.resolve(first as PathExpression, scopes) : undefined;
    let inner: Scope;
    if (helper === 'if' || helper === 'unless')
      inner = scopes[scopes.length - 1] ?? { kind: 'unknown' };
    else if (helper === 'each') inner = this.itemsScope(target);
    else if (helper === 'with') inner = target ?? { kind: 'unknown' };
    else inner = { kind: 'unknown' };
    const blockParams = node.program?.blockParams?.length ?? 0;
    const pushes = helper !== 'if' && helper !== 'unless';
    this.program(
      node.program,
      pushes ? [...scopes, blockParams > 0 ? { kind: 'unknown' } : inner] : scopes,
    );
    this.program(node.inverse, scopes);
  }

  private itemsScope(target: Scope | undefined): Scope {
    if (target?.kind !== 'schema') return { kind: 'unknown' };
    const schemas = target.schemas.flatMap((schema) => this.resolver.lookup(schema).items());
    return schemas.length > 0 ? { kind: 'schema', schemas } : { kind: 'unknown' };
  }

  /** The scope a path leads to, reporting it when the form schema lacks it. */
  private resolve(path: PathExpression, scopes: Scope[]): Scope | undefined {
    if (path.data) return undefined;
    const scope = scopes[scopes.length - 1 - path.depth];
    if (!scope || scope.kind === 'unknown') return undefined;
    if (scope.kind === 'schema') return this.walk(path, scope.schemas, path.parts);
    const [root, ...rest] = path.parts;
    if (root === undefined) return { kind: 'root' };
    if (root === 'data') return this.walk(path, [this.formSchema], rest);
    if (!templateRoots.includes(root)) {
      const message = `"${root}" is not a template variable (known: ${templateRoots.join(', ')})`;
      this.report('unknown-variable', path, message);
    }
    return undefined;
  }

  private walk(path: PathExpression, start: unknown[], parts: string[]): Scope | undefined {
    let schemas = start;
    for (const part of parts) {
      const lookups = schemas.map((schema) => this.resolver.lookup(schema));
      const items = lookups.flatMap((lookup) => lookup.items());
      if (items.length > 0 && (part === 'length' || /^\d+$/.test(part))) {
        if (part === 'length') return undefined;
        schemas = items;
        continue;
      }
      if (lookups.some((lookup) => lookup.open)) return undefined;
      const next = lookups.flatMap((lookup) => lookup.property(part));
      if (next.length === 0) {
        const field = path.original === part ? `"${part}"` : `"${part}" of "${path.original}"`;
        this.report('unknown-field', path, `${field} is not a field of the form schema`);
        return undefined;
      }
      schemas = next;
    }
    return { kind: 'schema', schemas };
  }

  private report(kind: TemplatePathProblem['kind'], path: PathExpression, message: string): void {
    const { line, column } = path.loc.start;
    this.problems.push({ kind, path: path.original, line, column: column + 1, message });
  }
}
