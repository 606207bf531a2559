package dossier.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dossier.core.Text;
import dossier.service.VersionService;
import dossier.store.FetchRepository.Version;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what changed between two versions of an article (default: the last two).",
      "On a terminal the words are compared: removed words in red, added ones in green. Otherwise"
          + " (or with --unified) a unified diff of the title and the paragraphs is printed, for"
          + " patch and scripts; --words prints the word comparison with [-removed-] and {+added+}"
          + " marks. 'dossier show ID --versions' lists the versions."
    })
final class DiffCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The article's id.")
  long id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "V1",
      description = "The older version (default: the one before the latest).")
  int v1;

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "V2",
      description = "The newer version (default: the latest).")
  int v2;

  @Option(names = "--words", description = "Compare word by word, even when not on a terminal.")
  boolean words;

  @Option(names = "--unified", description = "A unified diff, even on a terminal.")
  boolean unified;

  @Override
  public Integer call() {
    Version[] pair = new VersionService(archive()).pair(id, v1, v2);
    Version a = pair[0];
    Version b = pair[1];
    PrintWriter out = out();
    boolean tty = env().stdoutTty();
    if (unified || !words && !tty) {
      List<String> left = lines(a);
      List<String> right = lines(b);
      Patch<String> patch = DiffUtils.diff(left, right);
      List<String> diff =
          UnifiedDiffUtils.generateUnifiedDiff(
              "article " + id + " version " + a.number(),
              "article " + id + " version " + b.number(),
              left,
              patch,
              1);
      for (String line : diff) {
        out.println(Text.safeForTerminal(line, false));
      }
    } else {
      boolean color = tty && root().color();
      say(
          "article "
              + id
              + ": version "
              + a.number()
              + " ("
              + a.since()
              + ") -> version "
              + b.number()
              + " ("
              + b.since()
              + ")");
      out.print(words(text(a), text(b), color));
      out.println();
    }
    out.flush();
    return ExitCode.OK;
  }

  private static String text(Version v) {
    return v.title() + "\n\n" + (v.body() == null ? "" : v.body());
  }

  /** The title, then one line a paragraph. */
  private static List<String> lines(Version v) {
    List<String> out = new ArrayList<>();
    out.add(v.title());
    out.add("");
    for (String p : (v.body() == null ? "" : v.body()).split("\n\n", -1)) {
      out.add(p);
    }
    return out;
  }

  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static final String RED = Terminal.RED;
  private static final String GREEN = Terminal.GREEN;
  private static final String RESET = Terminal.RESET;

  /** The newer text with the words the older one had instead marked as removed. */
  static String words(String older, String newer, boolean color) {
    List<String> a = tokens(older);
    List<String> b = tokens(newer);
    Patch<String> patch = DiffUtils.diff(a, b);
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      int pos = d.getSource().getPosition();
      for (; at < pos; at++) {
        out.append(Text.safeForTerminal(a.get(at), true));
      }
      String removed = String.join("", d.getSource().getLines());
      String added = String.join("", d.getTarget().getLines());
      if (!removed.isEmpty()) {
        out.append(color ? RED : "[-")
            .append(Text.safeForTerminal(removed, true))
            .append(color ? RESET : "-]");
      }
      if (!added.isEmpty()) {
        out.append(color ? GREEN : "{+")
            .append(Text.safeForTerminal(added, true))
            .append(color ? RESET : "+}");
      }
      at += d.getSource().size();
    }
    for (; at < a.size(); at++) {
      out.append(Text.safeForTerminal(a.get(at), true));
    }
    return out.toString();
  }
}
