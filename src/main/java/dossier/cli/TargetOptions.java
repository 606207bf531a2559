package dossier.cli;

import dossier.core.UsageException;
import dossier.service.Selector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --ids} and {@code --dry-run} for the commands that change selected articles: a mixin read
 * from its annotations, or the same options built in code ({@link #model()}).
 */
public final class TargetOptions {
  static final String IDS = "--ids";
  static final String IDS_LABEL = "IDS";
  static final String IDS_HELP = "Comma-separated article ids instead of a query.";
  static final String DRY_RUN = "--dry-run";
  static final String DRY_RUN_HELP = "Print what would change; change nothing.";

  @Option(names = IDS, paramLabel = IDS_LABEL, description = IDS_HELP)
  String ids;

  @Option(names = DRY_RUN, description = DRY_RUN_HELP)
  boolean dryRun;

  /** These options as a mixin built in code, bound to this object's fields. */
  CommandSpec model() {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    spec.addOption(
        Specs.option(String.class, () -> ids, v -> ids = v, IDS)
            .paramLabel(IDS_LABEL)
            .description(IDS_HELP)
            .build());
    spec.addOption(
        Specs.flag("dryRun", () -> dryRun, v -> dryRun = v, DRY_RUN)
            .description(DRY_RUN_HELP)
            .build());
    return spec;
  }

  /** The selector for the query words, --ids, or '-' (ids on standard input). */
  Selector selector(List<String> queryWords, Env env) {
    String query = String.join(" ", queryWords).trim();
    if (ids != null) {
      if (!query.isEmpty()) {
        throw new UsageException("give either --ids or a query, not both");
      }
      return Selector.ids(Selector.parseIds(ids));
    }
    if (query.equals("-")) {
      try {
        return Selector.ids(
            Selector.parseIds(new String(env.stdin().readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (query.isEmpty()) {
      throw new UsageException(
          "give a query, --ids, or - (ids on standard input); '*' is every article");
    }
    return Selector.query(query);
  }
}
