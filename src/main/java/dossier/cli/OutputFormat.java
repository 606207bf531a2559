package dossier.cli;

/** Output formats of the listing commands. */
public enum OutputFormat {
  table,
  json,
  ndjson,
  csv,
  tsv,
  ids
}
