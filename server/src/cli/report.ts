// What a CLI run reports: one result per file and a summary. The JSON format
// is built from these and is a public contract.

import type { DocumentKind, KindSource, Language, PlacedFinding, RelatedLocation } from '../engine/types';
import type { DocumentAnalysis } from '../rules/contract';
import type { WordPlaces } from './analyse-file';

/** One linted file, as the CLI reports it (the JSON format is a public contract). */
export interface FileResult {
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  kind: DocumentKind | null;
  /** How the kind was decided; absent for a file that was not linted. */
  kindSource?: KindSource;
  kindReason?: string;
  language: Language;
  findings: ReportedFinding[];
  /** Set when the file was not linted at all (binary, too large, unreadable). */
  skipped?: { reason: string };
  /** In a shard's output: what `policylint merge` needs to run the cross-document checks. */
  workspace?: ShardWorkspaceData;
}

/** A finding as reported; in a Word document it also names the paragraph and the headings above it. */
export interface ReportedFinding extends Omit<PlacedFinding, 'related'> {
  /** The 1-based Word paragraph (paragraphs with text, as Word counts them). */
  paragraph?: number;
  /** The sections the finding sits in, outermost first. */
  headingPath?: string[];
  related: ReportedRelated[];
}

/** A related place; in a Word document, with its paragraph. */
export type ReportedRelated = RelatedLocation & { paragraph?: number };

/** What `policylint merge` needs of a file to run the cross-document checks: its workspace analysis, less its own findings. */
export type ShardWorkspaceData = Omit<DocumentAnalysis, 'path' | 'findings'> & { word?: WordPlaces };

export interface RunSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}
