// Runtime strings follow the policylint.locale setting when it names a
// language, like the diagnostics do; with `auto` they follow VS Code's own
// display language through vscode.l10n.
import * as vscode from 'vscode';
import zh from '../l10n/bundle.l10n.zh-cn.json';

const ZH: Record<string, string> = zh;

export function t(message: string, ...args: (string | number)[]): string {
  const setting = vscode.workspace.getConfiguration('policylint').get<string>('locale', 'auto');
  if (setting !== 'zh-CN' && setting !== 'en') return vscode.l10n.t(message, ...args);
  const template = setting === 'zh-CN' ? (ZH[message] ?? message) : message;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));
}

/** The language the SLA table asks the server for. */
export function tableLocale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration('policylint').get<string>('locale', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
