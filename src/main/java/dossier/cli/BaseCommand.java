package dossier.cli;

import dossier.core.UsageException;
import dossier.store.Archive;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the root's options, the archive, and picocli's out and err. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  DossierCommand root() {
    return (DossierCommand) spec.root().userObject();
  }

  Archive archive() {
    return root().archive();
  }

  Env env() {
    return root().env();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * The query that positional words spell. A word starting with two dashes is a mistyped option
   * that picocli passed on as a query word (see {@link QueryWords}), not part of a query.
   */
  String queryText(List<String> words) {
    for (String w : words) {
      if (w.startsWith("--") && w.length() > 2) {
        throw new UsageException(
            "unknown option '" + w + "'; try '" + spec.qualifiedName() + " --help'");
      }
    }
    return String.join(" ", words);
  }

  /** " (#N in the log)" for a change that was journaled as N, else nothing. */
  static String logged(long journal) {
    return journal == 0 ? "" : " (#" + journal + " in the log)";
  }

  /** A message for people on stderr, unless --quiet. */
  void say(String message) {
    if (!root().quiet()) {
      err().println(message);
    }
  }
}
