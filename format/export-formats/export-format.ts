// What an export format is: one module each in format/export-formats/, listed once in index.ts for the explorer's menu and the CLI.
import type { Dataset } from '../model.js';
import type { XmlGraph } from '../graph-xml.js';

/** What a format writes from: the dataset (the view on screen in the explorer, the whole store on the command line). */
export interface ExportInput {
  dataset: Dataset;
  /** The same as a graph (the view as drawn in the explorer; every entity and link on the command line). */
  graph: () => XmlGraph;
  /** Says what was exported, for formats that carry a title. */
  title: string;
  /** Today, YYYY-MM-DD (BODS statements carry the date they were made). */
  today: string;
}

/** One file's text, or a folder of files (name → text). */
export type ExportOutput = { file: string } | { folder: Record<string, string> };

export interface ExportFormat {
  /** The `--format` of `deep-labour export` and the value of the explorer's menu item. */
  id: string;
  /** The explorer's menu item. */
  label: string;
  /** How the file name ends (`.ftm.json`); empty for a folder. */
  suffix: string;
  mediaType: string;
  /** Writes the export; absent for a picture, which only the explorer's canvas draws (it has the layout). */
  write?: (input: ExportInput) => ExportOutput;
  /**
   * For a format that writes a folder: every file name it can write there. A file of one of those names that an export
   * does not write (an empty optional section) is removed, so that the folder reads back as this export alone.
   */
  folderFiles?: readonly string[];
  /** Where alone it can be made, and why; absent when both the explorer and the command line make it. */
  onlyIn?: { place: 'explorer' | 'command line'; why: string };
}
