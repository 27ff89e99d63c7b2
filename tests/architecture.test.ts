/**
 * Architecture (STYLE §1): `services/engine` stays pure (no I/O, clock, env, randomness or
 * timers; imports only zod, fastest-levenshtein, yaml, node:crypto and its own files), and the
 * roles never import each other. Files are read with the TypeScript parser, so comments and
 * strings never count, while dynamic `import()`, `require`, `export … from` and type-only
 * imports do. The checker itself is tested on snippets, so a vacuous pass is not possible.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SERVICES = join(ROOT, 'services');
const ENGINE = join(SERVICES, 'engine');

/** The only packages the engine may import. */
const ENGINE_PACKAGES = new Set(['zod', 'fastest-levenshtein', 'yaml', 'node:crypto']);
/** Named explicitly so a failure says what was reached for (the allow-list catches the rest). */
const IMPURE_PACKAGES = new Set(['kafkajs', 'node-rdkafka', 'ws', 'pino', 'node:fs', 'node:net', 'node:http', 'fs', 'net', 'http', 'child_process', 'node:child_process']);
const OUTSIDE_ENGINE = ['shared', 'worker', 'gateway', 'replay', 'cli'];
const ROLES = ['worker', 'gateway', 'replay'];
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

type Import = { spec: string; line: number };

const lineOf = (sf: ts.SourceFile, node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every module specifier: static and dynamic imports, re-exports, require, import types. */
function importsOf(sf: ts.SourceFile): Import[] {
  const out: Import[] = [];
  const add = (lit: ts.Node | undefined, at: ts.Node) => {
    if (lit !== undefined && ts.isStringLiteralLike(lit)) out.push({ spec: lit.text, line: lineOf(sf, at) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const isAccess = (node: ts.Node, object: string, member: string): boolean =>
  (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === object && node.name.text === member) ||
  (ts.isElementAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === object &&
    ts.isStringLiteralLike(node.argumentExpression) &&
    node.argumentExpression.text === member);

/** Uses of the environment, the wall clock, randomness and timers. */
function impureCallsOf(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const flag = (what: string, node: ts.Node) => out.push(`${what} (line ${lineOf(sf, node)})`);
  const visit = (node: ts.Node): void => {
    if (isAccess(node, 'process', 'env')) flag('process.env', node);
    if (ts.isCallExpression(node)) {
      const c = node.expression;
      if (isAccess(c, 'Date', 'now')) flag('Date.now()', node);
      if (isAccess(c, 'Math', 'random')) flag('Math.random()', node);
      if (isAccess(c, 'performance', 'now')) flag('performance.now()', node);
      if (ts.isIdentifier(c) && c.text === 'Date') flag('Date() (the current time as a string)', node);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) {
      flag('new Date() without arguments', node);
    }
    if (ts.isIdentifier(node) && TIMERS.has(node.text)) flag(node.text, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir + sep);

/** Why an import in an engine file is not allowed, or null. */
function engineImportProblem(file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    if (inside(ENGINE, target)) return null;
    const where = OUTSIDE_ENGINE.find((d) => inside(join(SERVICES, d), target));
    return where ? `reaches services/${where}` : `reaches outside services/engine (${relative(ROOT, target)})`;
  }
  if (IMPURE_PACKAGES.has(spec)) return 'does I/O';
  return ENGINE_PACKAGES.has(spec) ? null : `is not one of ${[...ENGINE_PACKAGES].join(', ')}`;
}

function engineViolations(file: string, text: string): string[] {
  const sf = parse(file, text);
  const imports = importsOf(sf).flatMap(({ spec, line }) => {
    const problem = engineImportProblem(file, spec);
    return problem === null ? [] : [`import '${spec}' ${problem} (line ${line})`];
  });
  return [...imports, ...impureCallsOf(sf)];
}

function roleViolations(role: string, file: string, text: string): string[] {
  return importsOf(parse(file, text)).flatMap(({ spec, line }) => {
    if (!spec.startsWith('.')) return [];
    const target = resolve(dirname(file), spec);
    const other = ROLES.find((r) => r !== role && inside(join(SERVICES, r), target));
    return other === undefined ? [] : [`${role} imports ${other}: '${spec}' (line ${line})`];
  });
}

function tsFilesUnder(dir: string, opts: { tests: boolean }): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.ts') && (opts.tests || !f.endsWith('.test.ts')))
    .sort();
}

const engineFiles = tsFilesUnder(ENGINE, { tests: false });

describe('the purity checker', () => {
  const at = (name: string) => join(ENGINE, name);
  it.each([
    ["import { Kafka } from 'kafkajs';", 'kafkajs'],
    ["import Kafka from 'node-rdkafka';", 'node-rdkafka'],
    ["import { WebSocket } from 'ws';", 'ws'],
    ["import pino from 'pino';", 'pino'],
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import fs from 'fs';", "'fs'"],
    ["import * as net from 'node:net';", 'node:net'],
    ["import net from 'net';", "'net'"],
    ["import http from 'node:http';", 'node:http'],
    ["import http from 'http';", "'http'"],
    ["import { execFile } from 'child_process';", 'child_process'],
    ["import { hostname } from 'node:os';", 'node:os'],
    ["import { join } from 'node:path';", 'node:path'],
    ["export { x } from 'lodash';", 'lodash'],
    ["const m = await import('node:fs/promises');", 'node:fs/promises'],
    ["const fs = require('fs');", "'fs'"],
    ["type L = import('pino').Logger;", 'pino'],
    ["import type { Logger } from '../shared/log.js';", 'services/shared'],
    ["import { x } from '../worker/room-store.js';", 'services/worker'],
    ["import { x } from '../gateway/gateway.js';", 'services/gateway'],
    ["import { x } from '../replay/replay.js';", 'services/replay'],
    ["import { x } from '../cli/main.js';", 'services/cli'],
    ["import { x } from '../../tests/harness/brokers.js';", 'outside services/engine'],
    ['const url = process.env.KAFKA_BROKERS;', 'process.env'],
    ["const url = process['env'];", 'process.env'],
    ['const t = Date.now();', 'Date.now()'],
    ['const t = new Date();', 'new Date()'],
    ['const t = new Date;', 'new Date()'],
    ['const t = Date();', 'Date()'],
    ['const r = Math.random();', 'Math.random()'],
    ['const t = performance.now();', 'performance.now()'],
    ['setTimeout(() => {}, 10);', 'setTimeout'],
    ['const s = setInterval(tick, 10);', 'setInterval'],
  ])('flags %s', (snippet, expected) => {
    const found = engineViolations(at('x.ts'), snippet);
    expect(found.join('\n')).toContain(expected);
  });

  it.each([
    "import { z } from 'zod';",
    "import { distance } from 'fastest-levenshtein';",
    "import { parse } from 'yaml';",
    "import { createHash } from 'node:crypto';",
    "import { evaluate } from './evaluate.js';",
    "import type { Finding } from '../detectors/types.js';",
    'const t = new Date(event.at).toISOString();',
    'const at = Date.parse(ts);',
    '// never calls Date.now() or setTimeout, and never reads process.env',
    "const s = 'Math.random() and new Date() in a string are just text';",
  ])('accepts %s', (snippet) => {
    expect(engineViolations(at('detectors/x.ts'), snippet)).toEqual([]);
  });

  it('a relative import is judged by where it lands, not by how it is spelled', () => {
    expect(engineViolations(at('detectors/x.ts'), "import { x } from '../state/room.js';")).toEqual([]);
    expect(engineViolations(at('detectors/x.ts'), "import { x } from '../../shared/log.js';").join()).toContain('services/shared');
  });

  it('flags roles that import each other, and nothing else', () => {
    const worker = join(SERVICES, 'worker', 'x.ts');
    expect(roleViolations('worker', worker, "import { x } from '../gateway/hub/hub.js';")).toHaveLength(1);
    expect(roleViolations('worker', worker, "import { x } from '../engine/index.js';\nimport { y } from '../shared/log.js';")).toEqual([]);
    expect(roleViolations('gateway', join(SERVICES, 'gateway', 'hub', 'x.ts'), "import { x } from '../../worker/room-store.js';")).toHaveLength(1);
  });
});

describe('services/engine stays pure', () => {
  it('finds the engine sources (and not its tests)', () => {
    expect(engineFiles).toEqual(expect.arrayContaining(['evaluate.ts', 'decode.ts', 'detectors/lexicon.ts', 'normalise/normalise.ts']));
    expect(engineFiles.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });

  it.each(engineFiles)('engine/%s', (file) => {
    const path = join(ENGINE, file);
    expect(engineViolations(path, readFileSync(path, 'utf8'))).toEqual([]);
  });
});

describe('roles never import each other', () => {
  const roleFiles = ROLES.filter((r) => existsSync(join(SERVICES, r))).flatMap((role) =>
    tsFilesUnder(join(SERVICES, role), { tests: true }).map((f) => [role, `${role}/${f}`] as const),
  );

  it('finds the worker and gateway sources', () => {
    expect(roleFiles.map(([, f]) => f)).toEqual(expect.arrayContaining(['worker/worker.ts', 'gateway/gateway.ts']));
  });

  it.each(roleFiles)('%s: %s', (role, file) => {
    const path = join(SERVICES, file);
    expect(roleViolations(role, path, readFileSync(path, 'utf8'))).toEqual([]);
  });
});
