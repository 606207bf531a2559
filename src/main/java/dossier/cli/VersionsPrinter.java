package dossier.cli;

import dossier.core.Text;
import dossier.store.FetchRepository.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code show ID --versions}: one line a version, oldest first, the latest marked. */
final class VersionsPrinter {
  private VersionsPrinter() {}

  static void print(List<Version> versions, PrintWriter out) {
    for (Version v : versions) {
      boolean latest = v.number() == versions.size();
      out.println(
          String.format(
              Locale.ROOT,
              "%d\t%s\t%d words\t%s%s",
              v.number(),
              v.since(),
              Text.wordCount(v.body() == null ? "" : v.body()),
              Text.safeForTerminal(v.title(), false),
              latest ? "\t(latest)" : ""));
    }
    out.flush();
  }
}
