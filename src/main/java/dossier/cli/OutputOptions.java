package dossier.cli;

import picocli.CommandLine.Option;

/** {@code --format} and {@code -0} for the listing commands. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.table;

  @Option(
      names = "-0",
      description = "Print ids separated by NUL bytes, for xargs -0 (implies --format ids).")
  boolean nul;

  OutputFormat effective() {
    return nul ? OutputFormat.ids : format;
  }
}
