// Doc tests: every TSDoc `@example` of lib/**/*.ts fenced as ```ts runs as a
// module (`np` and the package's other root exports in scope), and each
// `expr // => text` line must print `text` with console.log. One test per
// example, named `<file>:<line> <function>`. The format and its loose forms:
// test/host/doctest-runner.ts. First, the runner checks itself on fixtures.
import { rmSync } from 'node:fs';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import * as pkg from 'u-dma-buf';

import { type Example, failures, matches, readText, runExample, scanText, tsFiles } from './doctest-runner.js';

process.setSourceMapsEnabled(true);
const OUT = 'build/doctest';
rmSync(OUT, { recursive: true, force: true });

// ---- the runner on fixtures ------------------------------------------------

const FIXTURE = `
/**
 * Adds.
 *
 * @example
 * \`\`\`ts
 * const a = [1, 2];
 * a.length // => 2
 * 1n + 2n // => 3n
 * 'text' // => text
 * ({ x: [1, 2] }) // => { x: [ 1, 2 ] }
 * typeof np.dtype; // => function
 * [[1, 2], [3, 4]].map((r) => r.join(', ')).join('\\n') // => 1, 2
 * //   3, 4
 * \`\`\`
 */
export function good(): void {}

/**
 * @example
 * \`\`\`ts
 * 1 + 1 // => 3
 * 'a\\nb' // => a\\nb
 * \`\`\`
 */
export const bad = 1;

/**
 * @example
 * \`\`\`ts
 * const x = 1;
 * x // => 1
 * null.y;
 * x // => 1
 * \`\`\`
 */
export class Throws {}

/**
 * @example
 * \`\`\`ts
 * import { np as numpy, Udmabuf } from 'u-dma-buf';
 * import * as util from 'node:util';
 * typeof numpy.zeros // => function
 * const np = numpy;
 * util.format(typeof np.zeros, typeof Udmabuf) // => function function
 * \`\`\`
 */
export function ownImports(): void {}

/**
 * @example legacy(2) // 4
 */
export function legacy(): void {}
`;

const fixture = scanText('fixture.ts', FIXTURE);

test('runner: finds fenced ```ts examples, their lines and names, and skips the others', () => {
  assert.is(fixture.skipped, 1);
  assert.equal(fixture.examples.map((e) => [e.line, e.name, e.checks.length]),
    [[6, 'good', 6], [21, 'bad', 2], [30, 'Throws', 2], [41, 'ownImports', 2]]);
  const multi = fixture.examples[0].checks[5];
  assert.is(multi.line, 13);
  assert.is(multi.want, '1, 2\n  3, 4');
  assert.is(fixture.examples[0].checks[4].expr, 'typeof np.dtype');
});

test('runner: the loose forms of multi-line output', () => {
  assert.ok(matches('array([[0, 1],\n       [2, 3]])', 'array([[0, 1],\\n       [2, 3]])'));
  assert.ok(matches('array([[0, 1],\n       [2, 3]])', 'array([[0, 1],\n [2, 3]])'));
  assert.not.ok(matches('array([0, 1])', 'array([0, 2])'));
  assert.not.ok(matches('3', ' 3x'));
});

async function run(ex: Example) {
  return runExample(ex, pkg, OUT);
}

test('runner: a correct example passes, with the package in scope', async () => {
  const r = await run(fixture.examples[0]);
  assert.is(failures(fixture.examples[0], r), '');
  assert.is(r.outcomes.length, 6);
});

test('runner: a wrong expectation fails, naming the line, the expected and the printed text', async () => {
  const r = await run(fixture.examples[1]);
  const f = failures(fixture.examples[1], r);
  assert.ok(f.includes('fixture.ts:22: 1 + 1'), f);
  assert.ok(f.includes('expected: 3') && f.includes('printed:  2'), f);
  assert.is(r.outcomes[1].ok, true); // `a\nb` printed matches the `\n` form
});

test('runner: an example that throws fails at its line; checks after it are not reached', async () => {
  const r = await run(fixture.examples[2]);
  assert.ok(r.error?.startsWith('TypeError'), r.error);
  assert.ok(r.error?.includes('(at fixture.ts:33)'), r.error);
  assert.equal(r.outcomes.map((o) => o.ok), [true, false]);
  assert.is(r.outcomes[1].got, '(not reached)');
});

test('runner: an example may import names itself (they win over the scope the runner gives)', async () => {
  const r = await run(fixture.examples[3]);
  assert.is(failures(fixture.examples[3], r), '');
});

// ---- every example of lib/ -------------------------------------------------

let run_ = 0;
let skipped = 0;
// numpy's array repr comes with the printing module (np.inspectArray); until
// it is in the package, examples that expect one are skipped, loudly
const printing = typeof (pkg.np as unknown as Record<string, unknown>).inspectArray === 'function';
const waiting: string[] = [];
const files = tsFiles('lib');
for (const file of files) {
  const scan = scanText(file, readText(file));
  skipped += scan.skipped;
  for (const ex of scan.examples) {
    if (!printing && ex.checks.some((c) => /\barray\(/.test(c.want))) {
      waiting.push(`${ex.file}:${ex.line}`);
      test.skip(`${ex.file}:${ex.line} ${ex.name}`);
      continue;
    }
    run_++;
    test(`${ex.file}:${ex.line} ${ex.name}`, async () => {
      const r = await run(ex);
      const f = failures(ex, r);
      assert.ok(f === '', f);
      assert.ok(ex.checks.length > 0 || ex.code.some((l) => l.trim()), `${ex.file}:${ex.line}: an empty example`);
    });
  }
}

test(`lib/: ${run_} examples run, ${skipped} @example blocks not fenced \`\`\`ts skipped`, () => {
  assert.ok(files.length > 10, 'lib/**/*.ts found');
  console.log(`  doc tests: ${run_} examples run from ${files.length} files; ${skipped} @example blocks not fenced \`\`\`ts skipped`);
  if (waiting.length) {
    console.log(`  doc tests: SKIPPED ${waiting.length} examples that expect numpy's array repr: missing np.inspectArray (printing)`);
  }
});

test.run();
