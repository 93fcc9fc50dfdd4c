// The client-side commands that need no server: the config file, the enable
// toggle, the walkthrough's sample, and the opt-in CJK auto-closing pairs.
// Files are reached through vscode.workspace.fs only, so the same code runs in
// the desktop and in the browser.

import * as vscode from 'vscode';
import { t } from './strings';

const CONFIG_NAMES = ['.policylintrc.json', '.policylintrc.jsonc', '.policylintrc.yaml', '.policylintrc.yml'];

/** What a new config file holds: every key valid and empty, so the schema shows what to fill in. */
export const CONFIG_TEMPLATE = `{
  "locale": "auto",
  "placeholders": { "values": {} },
  "rules": {}
}
`;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The nearest config file at or above the document's folder, up to its workspace folder (as the server finds it). */
async function nearestConfig(document: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(document, '..');
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = vscode.Uri.joinPath(dir, name);
      if (await exists(candidate)) return candidate;
    }
    if (dir.path === folder.uri.path || !dir.path.startsWith(folder.uri.path)) return undefined;
    dir = vscode.Uri.joinPath(dir, '..');
  }
}

/** policylint.openConfig: opens the config that applies to the active document, or creates one in its workspace folder. */
export async function openOrCreateConfig(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(t('Open a folder first: a policylint config file applies to the documents of a workspace folder.'));
    return;
  }
  const found = active && vscode.workspace.getWorkspaceFolder(active) ? await nearestConfig(active, folder) : await nearestConfig(vscode.Uri.joinPath(folder.uri, 'x'), folder);
  const target = found ?? vscode.Uri.joinPath(folder.uri, CONFIG_NAMES[0]!);
  if (!found) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(CONFIG_TEMPLATE));
  await vscode.window.showTextDocument(target);
}

/** policylint.toggle: flips policylint.enable where it is set most specifically (the workspace when one is open). */
export async function toggleLinting(): Promise<void> {
  const config = vscode.workspace.getConfiguration('policylint');
  const enabled = config.get<boolean>('enable', true);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('enable', !enabled, target);
  void vscode.window.setStatusBarMessage(enabled ? t('policylint: linting is off') : t('policylint: linting is on'), 4000);
}

/** policylint.openSample: the walkthrough's sample letter, as an unsaved document so nothing is written to the workspace. */
export async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'walkthrough', 'sample.md'));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document);
}

// Markdown's own pairs come first: a language configuration set here replaces the key as a whole.
const MARKDOWN_PAIRS: vscode.AutoClosingPair[] = [
  { open: '{', close: '}' },
  { open: '[', close: ']' },
  { open: '(', close: ')' },
  { open: '<', close: '>', notIn: [vscode.SyntaxTokenType.String] },
];
const CJK_PAIRS: vscode.AutoClosingPair[] = ['【】', '「」', '『』', '《》', '（）', '“”'].map((p) => ({ open: p[0]!, close: p[1]! }));

/** policylint.autoClosingPairs: adds the CJK pairs to Markdown while the setting is on, and takes them away when it is turned off. */
export function autoClosingPairs(): vscode.Disposable {
  let applied: vscode.Disposable | undefined;
  const apply = () => {
    const on = vscode.workspace.getConfiguration('policylint').get<boolean>('autoClosingPairs', false);
    if (on && !applied) applied = vscode.languages.setLanguageConfiguration('markdown', { autoClosingPairs: [...MARKDOWN_PAIRS, ...CJK_PAIRS] });
    if (!on && applied) {
      applied.dispose();
      applied = undefined;
    }
  };
  apply();
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('policylint.autoClosingPairs')) apply();
  });
  return { dispose: () => (listener.dispose(), applied?.dispose()) };
}
