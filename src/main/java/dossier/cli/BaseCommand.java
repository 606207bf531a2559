package dossier.cli;

import dossier.core.DisplayWidth;
import dossier.core.UsageException;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.service.Selector;
import dossier.store.Archive;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** What every subcommand shares: the root's options, the archive, and picocli's out and err. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  DossierCommand root() {
    return (DossierCommand) spec.root().userObject();
  }

  Archive archive() {
    return root().archive(createsArchive());
  }

  /**
   * True for the commands that may create the archive when it does not exist yet (import, db, the
   * writes that only add settings); every other one says that there is no archive and exits 1, so
   * that a mistyped --db or $DOSSIER_DB does not leave an empty archive behind.
   */
  boolean createsArchive() {
    return false;
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
        // said as picocli's own unknown options are, by the same handler
        throw new UnmatchedArgumentException(spec.commandLine(), List.of(w));
      }
    }
    String text = String.join(" ", words);
    // a malformed query is a usage error before the archive is opened (or found missing)
    QueryCompiler.compile(text, QueryContext.of(name -> archive().savedSearches().get(name)));
    return text;
  }

  /**
   * Said after a change that selected nothing, when every query word is a number ("dossier rm 12"):
   * a number is a word of the text, so the way to name those articles is {@code --ids} or {@code
   * id:}. Null for any other query.
   */
  static String idsHint(String query) {
    List<Long> numbers;
    try {
      // what --ids would take: numbers separated by commas or spaces
      numbers = Selector.parseIds(query);
    } catch (UsageException e) {
      return null;
    }
    if (numbers.isEmpty()) {
      return null;
    }
    String ids = numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    return "hint: a number in a query is a word of the text; for the article"
        + (numbers.size() == 1 ? " " : "s ")
        + ids
        + " give --ids "
        + ids
        + " or the query id:"
        + ids;
  }

  /** Says {@link #idsHint} when a change by {@code query} selected nothing. */
  void hintIfNothing(long selected, String query) {
    String hint = selected == 0 && query != null ? idsHint(query) : null;
    if (hint != null) {
      say(hint);
    }
  }

  /** Refuses a negative --limit or --offset: a usage error, not "all" or nothing. */
  static void notNegative(String option, long value) {
    if (value < 0) {
      throw new UsageException(option + " takes a number of 0 or more, got '" + value + "'");
    }
  }

  /** " (#N in the log)" for a change that was journaled as N, else nothing. */
  static String logged(long journal) {
    return journal == 0 ? "" : " (#" + journal + " in the log)";
  }

  /**
   * A message for people on stderr, unless --quiet. On a terminal of known width a line longer than
   * the terminal is broken at spaces, its later lines indented; a log file gets it whole.
   */
  void say(String message) {
    if (root().quiet()) {
      return;
    }
    Env env = env();
    int width = env.columns();
    if (!env.stderrTty()
        || width < 20
        || message.indexOf('\n') >= 0
        || DisplayWidth.of(message) <= width) {
      err().println(message);
      return;
    }
    // the first line uses the whole width, the later ones two columns less for their indent
    List<String> first = DisplayWidth.wrap(message, width);
    err().println(first.get(0));
    String rest = String.join(" ", first.subList(1, first.size()));
    for (String line : DisplayWidth.wrap(rest, width - 2)) {
      err().println("  " + line);
    }
  }
}
