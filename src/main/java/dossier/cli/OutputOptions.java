package dossier.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code -0} for the listing commands: a mixin read from its annotations, or
 * the same options built in code ({@link #model()}) for a command whose model is.
 */
public final class OutputOptions {
  private static final String FORMAT = "--format";
  private static final String FORMAT_LABEL = "FORMAT";
  private static final String FORMAT_HELP =
      "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).";
  private static final String NUL = "-0";
  private static final String NUL_HELP =
      "Print ids separated by NUL bytes, for xargs -0 (implies --format ids).";

  @Option(names = FORMAT, paramLabel = FORMAT_LABEL, description = FORMAT_HELP)
  OutputFormat format = OutputFormat.table;

  @Option(names = NUL, description = NUL_HELP)
  boolean nul;

  /** These options as a mixin built in code, bound to this object's fields. */
  CommandSpec model() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    spec.addOption(
        Specs.option(OutputFormat.class, () -> format, v -> format = v, FORMAT)
            .paramLabel(FORMAT_LABEL)
            .description(FORMAT_HELP)
            .build());
    spec.addOption(Specs.flag("nul", () -> nul, v -> nul = v, NUL).description(NUL_HELP).build());
    return spec;
  }

  OutputFormat effective() {
    return nul ? OutputFormat.ids : format;
  }
}
