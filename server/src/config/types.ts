// The vocabulary a config speaks. The lowest layer: everything may import it, it imports nothing.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type DocumentKind = 'handbook' | 'commitment-letter' | 'website-policy' | 'sla';

export type RuleSetting = SeveritySetting | [SeveritySetting];

/** The shape of a .policylintrc file (see schemas/policylintrc.schema.json). */
export interface PolicylintConfig {
  $schema?: string;
  /** This folder is the workspace root: configs above it are not read. */
  root?: boolean;
  /** Config files this one builds on, relative to it. */
  extends?: string | string[];
  locale?: 'auto' | 'zh-CN' | 'en';
  kind?: DocumentKind;
  /** The manual these documents are pages of: required topics are judged across its pages. */
  partOf?: string;
  organization?: string;
  rules?: Record<string, RuleSetting>;
  requiredSections?: Partial<Record<DocumentKind, string[]>>;
  topics?: Record<string, { zh?: string[]; en?: string[]; title?: { zh?: string; en?: string } }>;
  placeholders?: { patterns?: string[]; values?: Record<string, string> };
  commitments?: Record<string, string>;
  /** Regulation pack ids (policy/regulations/packs): the statutory limits promises are checked against. */
  regulations?: string[];
  ignore?: string[];
  maxFileSize?: number | string;
}
