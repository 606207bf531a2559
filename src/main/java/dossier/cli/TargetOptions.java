package dossier.cli;

import dossier.core.UsageException;
import dossier.service.Selector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ids} and {@code --dry-run} for the commands that change selected articles. */
public final class TargetOptions {
  @Option(
      names = "--ids",
      paramLabel = "IDS",
      description = "Comma-separated article ids instead of a query.")
  String ids;

  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;

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
