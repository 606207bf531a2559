package dossier.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes dossier's man pages as roff from the command model, so they say what {@code --help} says:
 * dossier(1) with the global options, exit codes, environment and files; one page per command; and
 * dossier-query(7) for the query language. The prose that no command model holds (configuration,
 * environment, files, examples, the query language) is plain roff in {@code man/src/}.
 */
final class ManPages {
  private ManPages() {}

  /** Every page, by file name (dossier.1, dossier-list.1, ..., dossier-query.7). */
  static Map<String, String> generate(CommandLine root) {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("dossier.1", main(root));
    for (CommandLine sub : visible(root)) {
      pages.put("dossier-" + sub.getCommandSpec().name() + ".1", command(root, sub));
    }
    pages.put("dossier-query.7", query());
    return pages;
  }

  private static List<CommandLine> visible(CommandLine cl) {
    List<CommandLine> out = new ArrayList<>();
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && !out.contains(sub)) {
        out.add(sub);
      }
    }
    return out;
  }

  // --- roff ------------------------------------------------------------------------------------

  /** Escapes text for roff: backslashes, hyphens (so options copy as ASCII), and leading dots. */
  static String esc(String s) {
    String t = s.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder b = new StringBuilder();
    for (String line : t.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        b.append("\\&");
      }
      b.append(line);
    }
    return b.toString();
  }

  private static String bold(String s) {
    return "\\fB" + esc(s) + "\\fR";
  }

  private static String italic(String s) {
    return "\\fI" + esc(s) + "\\fR";
  }

  private static void header(StringBuilder b, String name, int section, String what) {
    b.append(".\\\" Generated from dossier's command model; do not edit.\n");
    b.append(".\\\" Refresh with: mvn test -Dtest=ManPagesTest -Ddossier.update=true\n");
    b.append(".TH ")
        .append(name.toUpperCase(Locale.ROOT).replace("-", "\\-"))
        .append(' ')
        .append(section)
        .append(" \"\" dossier \"dossier manual\"\n");
    b.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(what)).append('\n');
  }

  /**
   * A description as paragraphs: each element of the array starts one; lines that picocli's help
   * indents (examples) are kept as they are.
   */
  private static void description(StringBuilder b, String[] description) {
    boolean first = true;
    for (String element : description) {
      List<String> prose = new ArrayList<>();
      List<String> literal = new ArrayList<>();
      if (!first) {
        b.append(".PP\n");
      }
      first = false;
      for (String line : element.split("%n", -1)) {
        if (line.startsWith(" ")) {
          flushProse(b, prose);
          literal.add(line.strip());
        } else {
          flushLiteral(b, literal);
          prose.add(line);
        }
      }
      flushProse(b, prose);
      flushLiteral(b, literal);
    }
  }

  private static void flushProse(StringBuilder b, List<String> prose) {
    String text = String.join(" ", prose).strip();
    if (!text.isEmpty()) {
      b.append(esc(text)).append('\n');
    }
    prose.clear();
  }

  private static void flushLiteral(StringBuilder b, List<String> literal) {
    if (!literal.isEmpty()) {
      b.append(".PP\n.RS 4\n.nf\n");
      for (String l : literal) {
        b.append(esc(l)).append('\n');
      }
      b.append(".fi\n.RE\n");
    }
    literal.clear();
  }

  /** First sentence (or line) of a description, for NAME lines and command lists. */
  static String summary(String[] description) {
    if (description.length == 0) {
      return "";
    }
    String d = description[0].split("%n")[0].strip();
    int dot = d.indexOf(". ");
    if (dot > 0) {
      d = d.substring(0, dot);
    }
    if (d.endsWith(".") || d.endsWith(":")) {
      d = d.substring(0, d.length() - 1);
    }
    return d.isEmpty() ? d : Character.toLowerCase(d.charAt(0)) + d.substring(1);
  }

  private static String label(String paramLabel) {
    return paramLabel.replace("<", "").replace(">", "");
  }

  private static String synopsis(CommandSpec spec) {
    StringBuilder b = new StringBuilder(bold(spec.qualifiedName()));
    boolean hasOptions =
        spec.options().stream()
            .anyMatch(o -> !o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp());
    if (hasOptions) {
      b.append(" [").append(italic("OPTIONS")).append(']');
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      String l = italic(label(p.paramLabel()));
      if (p.arity().max() > 1) {
        l += "...";
      }
      b.append(' ').append(p.arity().min() == 0 ? "[" + l + "]" : l);
    }
    if (!visible(spec.commandLine()).isEmpty()) {
      b.append(" [").append(italic("COMMAND")).append(']');
    }
    return b.toString();
  }

  private static void options(StringBuilder b, CommandSpec spec, boolean includeInherited) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden() || (!includeInherited && o.inherited())) {
        continue;
      }
      b.append(".TP\n");
      List<String> names = new ArrayList<>();
      for (String n : o.names()) {
        String s = bold(n);
        if (o.arity().max() > 0) {
          s += (n.startsWith("--") ? "=" : " ") + italic(label(o.paramLabel()));
        }
        names.add(s);
      }
      b.append(String.join(", ", names)).append('\n');
      String d = String.join(" ", o.description()).replace("%n", " ");
      b.append(esc(d.strip())).append('\n');
    }
  }

  private static void positionals(StringBuilder b, CommandSpec spec) {
    for (PositionalParamSpec p : spec.positionalParameters()) {
      String d = String.join(" ", p.description()).replace("%n", " ").strip();
      if (p.hidden() || d.isEmpty()) {
        continue;
      }
      b.append(".TP\n").append(italic(label(p.paramLabel()))).append('\n');
      b.append(esc(d)).append('\n');
    }
  }

  // --- pages -----------------------------------------------------------------------------------

  private static String command(CommandLine root, CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    String name = "dossier-" + spec.name();
    StringBuilder b = new StringBuilder();
    header(b, name, 1, summary(spec.usageMessage().description()));
    b.append(".SH SYNOPSIS\n").append(synopsis(spec)).append('\n');
    for (CommandLine sub : visible(cl)) {
      b.append(".br\n").append(synopsis(sub.getCommandSpec())).append('\n');
    }
    b.append(".SH DESCRIPTION\n");
    description(b, spec.usageMessage().description());
    boolean hasArgs =
        spec.positionalParameters().stream()
            .anyMatch(p -> !p.hidden() && p.description().length > 0);
    if (hasArgs) {
      b.append(".SH ARGUMENTS\n");
      positionals(b, spec);
    }
    b.append(".SH OPTIONS\n");
    options(b, spec, false);
    b.append(".PP\nAnd the global options of \\fBdossier\\fR(1): ")
        .append(bold("--db"))
        .append(", ")
        .append(bold("--quiet"))
        .append(", ")
        .append(bold("--color"))
        .append(".\n");
    List<CommandLine> subs = visible(cl);
    if (!subs.isEmpty()) {
      b.append(".SH COMMANDS\n");
      for (CommandLine sub : subs) {
        CommandSpec s = sub.getCommandSpec();
        b.append(".SS \"").append(synopsis(s).replace("\"", "\\(dq")).append("\"\n");
        description(b, s.usageMessage().description());
        positionals(b, s);
        for (OptionSpec o : s.options()) {
          if (!o.hidden() && !o.inherited() && !o.usageHelp() && !o.versionHelp()) {
            options(b, singleOption(s, o), true);
          }
        }
      }
    }
    if (spec.name().equals("review")) {
      keys(b);
    }
    b.append(".SH EXIT STATUS\nSee \\fBdossier\\fR(1).\n");
    b.append(".SH SEE ALSO\n\\fBdossier\\fR(1)");
    if (takesQuery(spec)) {
      b.append(", \\fBdossier\\-query\\fR(7)");
    }
    b.append('\n');
    return b.toString();
  }

  /** The review's keys, screen by screen, from the one action table that binds them. */
  private static void keys(StringBuilder b) {
    b.append(".SH KEYS\n");
    for (Map.Entry<String, List<String[]>> screen : dossier.tui.Review.keys().entrySet()) {
      b.append(".SS ").append(esc(screen.getKey())).append('\n');
      for (String[] k : screen.getValue()) {
        b.append(".TP\n").append(bold(k[0])).append('\n').append(esc(k[1])).append('\n');
      }
    }
  }

  /** A spec holding one option, to print it with {@link #options}. */
  private static CommandSpec singleOption(CommandSpec owner, OptionSpec o) {
    CommandSpec s = CommandSpec.create();
    s.addOption(OptionSpec.builder(o).build());
    return s;
  }

  private static boolean takesQuery(CommandSpec spec) {
    if (spec.positionalParameters().stream().anyMatch(p -> p.paramLabel().contains("QUERY"))) {
      return true;
    }
    for (CommandLine sub : spec.subcommands().values()) {
      if (takesQuery(sub.getCommandSpec())) {
        return true;
      }
    }
    return false;
  }

  private static String main(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    StringBuilder b = new StringBuilder();
    header(b, "dossier", 1, "a terminal archive for news articles");
    b.append(".SH SYNOPSIS\n")
        .append(bold("dossier"))
        .append(" [")
        .append(italic("GLOBAL OPTIONS"))
        .append("] ")
        .append(italic("COMMAND"))
        .append(" [")
        .append(italic("ARGS"))
        .append("]\n");
    b.append(".SH DESCRIPTION\n");
    description(b, spec.usageMessage().description());
    b.append(".PP\nData goes to standard output; messages and progress to standard error.")
        .append(" Listings print ")
        .append(bold("table"))
        .append(" for people and ")
        .append(bold("json"))
        .append(", ")
        .append(bold("ndjson"))
        .append(", ")
        .append(bold("csv"))
        .append(", ")
        .append(bold("tsv"))
        .append(" or ")
        .append(bold("ids"))
        .append(" for scripts (")
        .append(bold("--format"))
        .append("); the formats for scripts only ever grow.\n");
    b.append(".SH COMMANDS\n");
    for (CommandLine sub : visible(root)) {
      CommandSpec s = sub.getCommandSpec();
      b.append(".TP\n")
          .append("\\fBdossier\\-")
          .append(esc(s.name()))
          .append("\\fR(1)\n")
          .append(esc(summary(s.usageMessage().description())))
          .append(".\n");
    }
    b.append(".SH GLOBAL OPTIONS\nThese work before the command and after it.\n");
    options(b, spec, true);
    b.append(".SH EXIT STATUS\n");
    for (String line : spec.usageMessage().footer()) {
      String l = line.strip();
      if (l.matches("\\d+ .*")) {
        int sp = l.indexOf(' ');
        b.append(".TP\n")
            .append(bold(l.substring(0, sp)))
            .append('\n')
            .append(esc(l.substring(sp).strip()))
            .append('\n');
      }
    }
    b.append(prose("dossier.1.roff"));
    b.append(".SH SEE ALSO\n\\fBdossier\\-query\\fR(7)");
    for (CommandLine sub : visible(root)) {
      b.append(", \\fBdossier\\-").append(esc(sub.getCommandSpec().name())).append("\\fR(1)");
    }
    b.append('\n');
    return b.toString();
  }

  private static String query() {
    StringBuilder b = new StringBuilder();
    header(b, "dossier-query", 7, "the query language of dossier");
    b.append(prose("dossier-query.7.roff"));
    return b.toString();
  }

  /**
   * A hand-written part of a page, from {@code man/src/}: plain roff, kept out of Java strings so
   * that an escape such as {@code \fI} stays what it says. Its own comment lines are left out.
   */
  static String prose(String name) {
    Path file = Cli.projectDir().resolve("man/src").resolve(name);
    try {
      StringBuilder b = new StringBuilder();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.startsWith(".\\\"")) {
          b.append(line).append('\n');
        }
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
