// policylint's own LSP messages, declared once and imported by both the client
// (client/src) and the server (server/src/features), as vscode-eslint does.
//
// Deliberately type-only apart from the method names: the client bundle uses
// vscode-languageclient's copy of vscode-jsonrpc and the server bundle uses
// vscode-languageserver's, which are different versions. Importing RequestType
// here would pull a third copy into one of the bundles.

/** Settings the client contributes under `policylint.*` (see package.json). */
export interface PolicylintSettings {
  enable: boolean;
  locale: 'auto' | 'zh-CN' | 'en';
  run: 'onType' | 'onSave';
  inlayHints: { enable: boolean };
  codeLens: { enable: boolean };
  /** A config file for every document instead of the nearest one; relative to the workspace folder. Empty: the nearest. */
  configFile: string;
  /** .gitignore-style patterns, relative to the workspace folder, of files the editor does not lint. */
  ignore: string[];
}

export const DEFAULT_SETTINGS: PolicylintSettings = {
  enable: true,
  locale: 'auto',
  run: 'onType',
  inlayHints: { enable: true },
  codeLens: { enable: true },
  configFile: '',
  ignore: [],
};

/** Commands the server executes (workspace/executeCommand). */
export namespace ServerCommands {
  /** arguments: [uri: string, version?: number] — applies every automatic fix via workspace/applyEdit. */
  export const applyFixAll = 'policylint.applyFixAll';
  /** arguments: [uri: string, version?: number] — inserts a skeleton for every missing required section. */
  export const applyInsertMissingSections = 'policylint.applyInsertMissingSections';
  export const all = [applyFixAll, applyInsertMissingSections];
}

/** Commands the client implements; the server only names them (code lens, code actions). */
export namespace ClientCommands {
  export const showSlaTable = 'policylint.showSlaTable';
  /** arguments: [uri: string, range: LSP Range] — selects the range after a quick fix. */
  export const selectRange = 'policylint.selectRange';
}

/** One commitment, ready to display (all text already localised and plain). */
export interface SlaTableRow {
  uri: string;
  /** Path for display, relative to its workspace folder when it has one. */
  path: string;
  /** 0-based line and UTF-16 character of the value, for revealing it. */
  line: number;
  character: number;
  channel: string;
  metric: string;
  conditions: string;
  value: string;
  normalized: string;
  strength: string;
  status: 'ok' | 'conflict' | 'clock-mismatch' | 'vague' | 'placeholder';
  statusLabel: string;
  /** The clause that makes the promise, as written. */
  text: string;
  key: string;
  /** The statutory limit of an enabled regulation pack, with the verdict; empty when none covers the promise. */
  legalLimit: string;
}

export namespace SlaTableRequest {
  export const method = 'policylint/slaTable';
  export interface Params {
    /** Put this document's rows first. */
    uri?: string;
    locale?: 'zh-CN' | 'en';
  }
  export interface Result {
    rows: SlaTableRow[];
    /** Still reading the workspace folders; the table may be incomplete. */
    indexing: boolean;
  }
}

export namespace DocumentInfoRequest {
  export const method = 'policylint/documentInfo';
  export interface Params {
    uri: string;
  }
  /** null when the server does not lint the document (not Markdown, ignored, disabled). */
  export type Result = {
    kind: 'handbook' | 'commitment-letter' | 'website-policy' | 'sla' | null;
    language: 'zh' | 'en';
    errors: number;
    warnings: number;
    infos: number;
    commitments: number;
  } | null;
}
