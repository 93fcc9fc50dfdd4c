import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
const SRC = 'server/src';
const skip = Number(process.argv[2] ?? 0);
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}
const out: { where: string; regex: RegExp }[] = [];
for (const file of sourceFiles(SRC)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source);
      const slash = text.lastIndexOf('/');
      const flags = text.slice(slash + 1).replace(/[gy]/g, '');
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      out.push({ where: `${file}:${line} ${text.slice(0, 70)}`, regex: new RegExp(text.slice(1, slash), `${flags}g`) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
const generic = [' ', 'a', '1', '一', '\u3000', '*', '_', '[', '.', ',', '-', '\n', 'a ', '1 ', '1.', 'aa1', '**', '> ', '- ', '第一条', 'within 2 hours '];
out.forEach(({ where, regex }, idx) => {
  if (idx < skip) return;
  const own = [...new Set(regex.source.replace(/\\[a-zA-Z]|\\u[0-9a-fA-F]{4}|\[\^?|[\\()[\]{}|?*+^$.:=!<>,]/g, '').replace(/\d/g, ''))].slice(0, 12);
  let worst = 0, wp = '';
  for (const pump of [...generic, ...own, ...own.map((c) => c + ' ')]) {
    const s = pump.repeat(Math.ceil(2000 / pump.length)) + '!\u0001';
    const t = performance.now();
    for (const m of s.matchAll(regex)) {}
    const d = performance.now() - t;
    if (d > worst) { worst = d; wp = pump; }
  }
  console.log(idx, worst.toFixed(1), JSON.stringify(wp), where);
});
