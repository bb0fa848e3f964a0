// The doc-test runner's machinery (test/host/doctest.test.ts runs it on lib/):
// find the TSDoc `@example` blocks fenced as ```ts, turn each `expr // => text`
// line into a check, transpile the block with TypeScript's transpileModule
// into build/doctest/, import it as a module, and compare what
// `console.log(expr)` would print with `text`.
//
// The format (one example):
//      * @example
//      * ```ts
//      * const a = np.arange(6);
//      * np.sum(a) // => 15n
//      * np.reshape(a, [2, 3]) // => array([[0, 1, 2],
//      * //        [3, 4, 5]])
//      * ```
// Expected output goes on after `// =>`; it continues on the following lines
// that start with `//` and a space (the one space after `//` is not part of
// the output), or, inside the one line, with `\n` written for a line break.
// A continuation line's leading spaces may also be written loosely: lines
// after the first then compare without their indentation. Blocks after
// `@example` that are not fenced ```ts are skipped and counted: an example
// that needs hardware (a /dev/udmabuf0, an FPGA) can say ```ts no-run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

import ts from 'typescript';

/** One `expr // => text` line. */
export interface Check {
  /** Line in the source file (1-based). */
  line: number;
  expr: string;
  want: string;
}

/** One fenced ```ts example. */
export interface Example {
  file: string;
  /** Line of the ```ts fence in the source file (1-based). */
  line: number;
  /** The function, class or member the comment documents. */
  name: string;
  /** The block's code lines, as written (the comment's ` * ` removed). */
  code: string[];
  /** Source-file line of code[0]. */
  firstLine: number;
  checks: Check[];
}

/** Every example of one source text, and how many `@example` blocks were not fenced ```ts. */
export interface Scan {
  examples: Example[];
  skipped: number;
}

const DOC = /\/\*\*[\s\S]*?\*\//g;
const DECLARATION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;
const MEMBER = /^\s*(?:(?:public|private|protected|static|readonly|async|get|set|override|abstract)\s+)*([A-Za-z_$#][\w$]*)\s*[(<:=?!;]/;

/** The name declared right after a comment that ends at `offset`. */
function declaredName(text: string, offset: number): string {
  for (const line of text.slice(offset).split('\n').slice(0, 6)) {
    if (!line.trim() || line.trim().startsWith('@')) continue;
    const m = DECLARATION.exec(line) ?? MEMBER.exec(line);
    return m ? m[1] : '?';
  }
  return '?';
}

const MARK = '// =>';

/** The checks of a block's code lines (continuation lines folded into their check). */
export function parseChecks(code: string[], firstLine: number): Check[] {
  const checks: Check[] = [];
  for (let i = 0; i < code.length; i++) {
    const at = code[i].indexOf(MARK);
    if (at < 0) continue;
    const expr = code[i].slice(0, at).trim().replace(/;$/, '');
    let want = code[i].slice(at + MARK.length).replace(/^ /, '');
    while (i + 1 < code.length && /^\s*\/\/ /.test(code[i + 1]) && !code[i + 1].includes(MARK)) {
      want += `\n${code[++i].replace(/^\s*\/\/ /, '')}`;
    }
    checks.push({ line: firstLine + i - (want.split('\n').length - 1), expr, want });
  }
  return checks;
}

/** The examples of one file's text. */
export function scanText(file: string, text: string): Scan {
  const examples: Example[] = [];
  let skipped = 0;
  for (const m of text.matchAll(DOC)) {
    const start = m.index ?? 0;
    const startLine = text.slice(0, start).split('\n').length;
    // the comment's lines without their leading ` * ` (code indentation kept)
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/? ?/, '').replace(/\s*\*\/$/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i].trim())) continue;
      let j = i + 1;
      while (j < lines.length && !lines[j].trim()) j++;
      if (j >= lines.length || !/^```(ts|typescript)\s*$/.test(lines[j].trim())) {
        skipped++;
        continue;
      }
      let end = j + 1;
      while (end < lines.length && lines[end].trim() !== '```') end++;
      const code = lines.slice(j + 1, end);
      const firstLine = startLine + j + 1;
      examples.push({
        file, line: startLine + j, name: declaredName(text, start + m[0].length), code, firstLine,
        checks: parseChecks(code, firstLine),
      });
      i = end;
    }
  }
  return { examples, skipped };
}

/** Every .ts file under `dir` (not .d.ts), sorted. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** What one check gave. */
export interface Outcome {
  line: number;
  expr: string;
  want: string;
  got: string;
  ok: boolean;
}

/** What `console.log(value)` prints (without colours). */
export function printed(value: unknown): string {
  return format(value);
}

/** Whether printed output `got` is the expected `want` (see the file's header for the loose forms). */
export function matches(got: string, want: string): boolean {
  if (got === want) return true;
  const forms = [want, want.replace(/\\n/g, '\n')];
  const loose = (s: string) => s.split('\n').map((l, i) => (i ? l.trim() : l.trimEnd())).join('\n');
  return forms.some((w) => w === got || loose(w) === loose(got));
}

/**
 * The module for one example: one header line (the package's root exports
 * in scope, a `__check` recorder), then the code with each check line
 * replaced by a `__check` call on the same line.
 */
export function moduleSource(ex: Example, rootExports: readonly string[], key: string): string {
  const declared = new Set<string>();
  for (const l of ex.code) {
    for (const m of l.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) declared.add(m[1]);
    // the example's own imports: `import { a, b as c } from ...`, `import * as d from ...`, `import e from ...`
    const imported = /^\s*import\s+(?:type\s+)?(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\*\s+as\s+([A-Za-z_$][\w$]*)|\{([^}]*)\})?\s*from\b/.exec(l);
    if (imported) {
      if (imported[1]) declared.add(imported[1]);
      if (imported[2]) declared.add(imported[2]);
      for (const spec of (imported[3] ?? '').split(',')) {
        const name = spec.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, '');
        if (name) declared.add(name);
      }
    }
  }
  const names = rootExports.filter((n) => !declared.has(n) && /^[A-Za-z_$][\w$]*$/.test(n));
  const header = `import { ${names.join(', ')} } from 'u-dma-buf'; ` +
    `const __results: { line: number; value: unknown }[] = []; (globalThis as unknown as Record<string, unknown>)[${JSON.stringify(key)}] = __results; ` +
    'function __check(line: number, value: unknown): void { __results.push({ line, value }); }';
  const body = [...ex.code];
  for (const c of ex.checks) {
    const i = c.line - ex.firstLine;
    body[i] = `__check(${c.line}, (${c.expr}));`;
    for (let k = 1; k < c.want.split('\n').length; k++) body[i + k] = '';
  }
  return `${header}\n${body.join('\n')}\n`;
}

/** The package's `np`, its functions looked up by name (some land later than this runner). */
type NpState = Record<string, ((...args: unknown[]) => unknown) | undefined>;

/**
 * Run `body`, then put back the global print state an example may change:
 * numpy's print options (`np.set_printoptions`) and the array printer
 * (`np.setInspector(np.inspectArray)`, as the package wires it), so that one
 * example's settings never reach the next.
 */
async function isolated<T>(np: NpState, body: () => Promise<T>): Promise<T> {
  const saved = np.get_printoptions?.();
  try {
    return await body();
  } finally {
    if (saved !== undefined) np.set_printoptions?.(saved);
    if (np.setInspector && np.inspectArray) np.setInspector(np.inspectArray);
  }
}

/** The result of running one example. */
export interface Run {
  outcomes: Outcome[];
  /** The error the example threw, with the source line it came from when known. */
  error?: string;
}

let serial = 0;

/** Transpile the example into `outDir` and run it as a module. */
export async function runExample(ex: Example, pkg: Record<string, unknown>, outDir: string): Promise<Run> {
  const rootExports = Object.keys(pkg);
  const name = `${relative(process.cwd(), ex.file).replace(/[^\w]+/g, '_')}_${ex.line}_${serial++}`;
  const key = `__doctest_${name}`;
  const source = moduleSource(ex, rootExports, key);
  const registry = globalThis as unknown as Record<string, { line: number; value: unknown }[] | undefined>;
  const js = ts.transpileModule(source, {
    fileName: `${name}.ts`,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, inlineSourceMap: true, inlineSources: true },
  }).outputText;
  mkdirSync(outDir, { recursive: true });
  const path = resolve(outDir, `${name}.mjs`);
  writeFileSync(path, js);
  let error: string | undefined;
  try {
    await isolated(pkg.np as NpState, () => import(pathToFileURL(path).href));
  } catch (e) {
    // the stack's line in `<name>.ts` (source maps on): line 1 is the header, code starts on line 2
    const stack = e instanceof Error ? (e.stack ?? '') : '';
    const at = new RegExp(`${name}\\.ts:(\\d+)`).exec(stack);
    const where = at ? ` (at ${ex.file}:${ex.firstLine + Number(at[1]) - 2})` : '';
    error = `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${where}`;
  }
  const results = registry[key] ?? [];
  delete registry[key];
  const outcomes = ex.checks.map((c) => {
    const r = results.find((x) => x.line === c.line);
    const got = r ? printed(r.value) : '(not reached)';
    return { line: c.line, expr: c.expr, want: c.want, got, ok: r !== undefined && matches(got, c.want) };
  });
  return { outcomes, ...(error === undefined ? {} : { error }) };
}

/** A failure report for one example, or '' when every check passed. */
export function failures(ex: Example, run: Run): string {
  const lines = run.outcomes.filter((o) => !o.ok).map((o) =>
    `${ex.file}:${o.line}: ${o.expr}\n    expected: ${o.want.replace(/\n/g, '\n              ')}\n    printed:  ${o.got.replace(/\n/g, '\n              ')}`);
  if (run.error) lines.unshift(`${ex.file}:${ex.line}: the example threw ${run.error}`);
  return lines.join('\n');
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
