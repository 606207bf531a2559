package dossier.cli;

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
 * dossier-query(7) for the query language.
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
    b.append(".SH EXIT STATUS\nSee \\fBdossier\\fR(1).\n");
    b.append(".SH SEE ALSO\n\\fBdossier\\fR(1)");
    if (takesQuery(spec)) {
      b.append(", \\fBdossier\\-query\\fR(7)");
    }
    b.append('\n');
    return b.toString();
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
    b.append(RELIABILITY);
    b.append(
        """
        .SH CONFIGURATION
        Defaults for any option can be set in \fI~/.config/dossier/config\fR, a Java         properties file: one \fIkey\fR \fB=\fR \fIvalue\fR a line, \fB#\fR for comments.         The key is the option's long name without the dashes, and applies to every command         that has the option; prefixed with a command's name it applies to that command only.         Options given on the command line win.
        .PP
        .RS 4
        .nf
        # ~/.config/dossier/config
        db = /home/me/research/archive.db
        color = never
        list.sort = oldest
        search.limit = 50
        export.format = ndjson
        .fi
        .RE
        .SH ENVIRONMENT
        .TP
        .B DOSSIER_DB
        The archive file, when \\fB\\-\\-db\\fR is not given.
        .TP
        .B XDG_DATA_HOME
        The archive is \\fI$XDG_DATA_HOME/dossier/archive.db\\fR when neither \\fB\\-\\-db\\fR nor \
        \\fBDOSSIER_DB\\fR names one (default \\fI~/.local/share\\fR).
        .TP
        .B DOSSIER_CONFIG
        The configuration file, instead of the one under \fBXDG_CONFIG_HOME\fR.
        .TP
        .B XDG_CONFIG_HOME
        The configuration file is \fI$XDG_CONFIG_HOME/dossier/config\fR (default         \fI~/.config\fR).
        .TP
        .B NO_COLOR
        When set, output is never colored unless \\fB\\-\\-color=always\\fR.
        .TP
        .B COLUMNS
        The width tables are fitted to on a terminal.
        .TP
        .B DOSSIER_DEBUG
        When set, an internal error prints where it happened.
        .TP
        .B DOSSIER_JAVA_OPTS
        Options for the Java virtual machine that runs dossier (read by the launcher).
        .SH FILES
        .TP
        .I ~/.local/share/dossier/archive.db
        The archive: one SQLite file, readable by its owner only, with the original bytes of \
        every imported file.
        .TP
        .I ~/.config/dossier/config
        Defaults for options (see \fBCONFIGURATION\fR).
        .SH EXAMPLES
        .PP
        .RS 4
        .nf
        dossier import ~/saved\\-pages/ \\-\\-tag energy
        dossier search pipeline transit fees
        dossier show 12 \\-\\-format json | jq \\-r .title
        dossier list tag:energy date:2024.. \\-\\-format ids | xargs \\-n1 dossier show
        .fi
        .RE
        .SH SEE ALSO
        \\fBdossier\\-query\\fR(7)\
        """);
    for (CommandLine sub : visible(root)) {
      b.append(", \\fBdossier\\-").append(esc(sub.getCommandSpec().name())).append("\\fR(1)");
    }
    b.append('\n');
    return b.toString();
  }

  private static String query() {
    StringBuilder b = new StringBuilder();
    header(b, "dossier-query", 7, "the query language of dossier");
    b.append(
        """
        .SH SYNOPSIS
        \\fBdossier list\\fR \\fIQUERY\\fR...
        .br
        \\fBdossier search\\fR \\fIQUERY\\fR...
        .SH DESCRIPTION
        One query language serves every command that selects articles: \\fBlist\\fR, \
        \\fBsearch\\fR, \\fBtag\\fR, \\fBmark\\fR, \\fBrm\\fR, \\fBexport\\fR, \\fBstats\\fR, \
        auto\\-tag rules, saved searches and the filter of the review screen. The words of a \
        query may be given as one argument or several; they are joined with spaces.
        .SH WORDS
        .TP
        \\fIword\\fR
        Matches the word anywhere in the title, body, caption or note. Matching is stemmed \
        (\\fIstrikes\\fR finds \\fIstrike\\fR), and ignores case and accents. Several words must \
        all match.
        .TP
        \\fB"\\fR\\fIexact phrase\\fR\\fB"\\fR
        The words in this order, next to each other.
        .TP
        \\fIprefix\\fR\\fB*\\fR
        Any word that starts with \\fIprefix\\fR.
        .TP
        \\fIa\\fR \\fBOR\\fR \\fIb\\fR
        Either term.
        .TP
        \\fBNOT\\fR \\fIterm\\fR, \\fB\\-\\fR\\fIterm\\fR
        Articles without the term.
        .TP
        \\fB(\\fR ... \\fB)\\fR
        Groups terms: \\fI(oil OR gas) pipeline\\fR.
        .SH FIELDS
        A field limits a term to one part of the article: \\fIfield\\fR\\fB:\\fR\\fIvalue\\fR. \
        Put a value with spaces in quotes: \\fIsource:"washington post"\\fR.
        .TP
        .BR title: ", " body: ", " note:
        Words in that part only.
        .TP
        .BR source: ", " author: ", " section: ", " lang:
        The publisher, an author, the section, the language.
        .TP
        .BR site: ", " url:
        The domain of the article's URL, or words of the URL.
        .TP
        .B id:
        One article by its id.
        .TP
        \\fBtag:\\fR\\fIname\\fR
        Articles with the tag or one of its children: \\fItag:ukraine\\fR matches \
        \\fIukraine/energy\\fR too. \\fB\\-tag:\\fR\\fIname\\fR excludes them.
        .TP
        \\fBis:\\fR\\fIstate\\fR
        \\fBnew\\fR, \\fBread\\fR, \\fBreviewed\\fR, \\fBarchived\\fR, \\fBstarred\\fR, \
        \\fBuntagged\\fR, \\fBnoted\\fR or \\fBundated\\fR (no publication date).
        .TP
        \\fBsaved:\\fR\\fIname\\fR
        The query saved under that name (see \\fBdossier\\-saved\\fR(1)).
        .SH DATES
        \\fBdate:\\fR is the date an article was published, \\fBimported:\\fR the time it was \
        imported. Either takes:
        .TP
        \\fI2024\\fR, \\fI2024\\-08\\fR, \\fI2024\\-08\\-15\\fR
        A year, a month, a day.
        .TP
        \\fI2024\\-08..2024\\-09\\-15\\fR
        A range, both ends included.
        .TP
        \\fI2024..\\fR, \\fI..2024\\-06\\fR
        Open ranges.
        .TP
        \\fI30d..\\fR
        Relative to today: days (\\fBd\\fR), weeks (\\fBw\\fR), months (\\fBm\\fR) or years \
        (\\fBy\\fR) ago.
        .PP
        \\fBafter:\\fR\\fIdate\\fR and \\fBbefore:\\fR\\fIdate\\fR are shorthands for open ranges \
        of \\fBdate:\\fR.
        .PP
        \\fBdate:none\\fR (the same as \\fBis:undated\\fR) finds the articles without a \
        publication date. No date filter ever matches them: an undated article is never taken to \
        be published when it was imported. Listed newest first, they come after every dated \
        article (the last imported first); oldest first, before them.
        .SH ERRORS
        A query that cannot be read is a usage error (exit status 2) that says where it broke, \
        for example \\fIerror: unclosed quote at column 14\\fR. Query text is never pasted into \
        SQL.
        .SH EXAMPLES
        .PP
        .RS 4
        .nf
        dossier search pipeline "transit fees"
        dossier list tag:energy \\-tag:draft date:2024\\-08..
        dossier list 'source:"harbour ledger"' is:starred
        dossier search '(drought OR "low water") site:example.org after:30d'
        dossier tag +review \\-\\- is:new date:7d..
        dossier saved add energy 'tag:energy OR (oil OR gas)'
        .fi
        .RE
        .SH SEE ALSO
        \\fBdossier\\fR(1), \\fBdossier\\-list\\fR(1), \\fBdossier\\-search\\fR(1)
        """);
    return b.toString();
  }

  /** What dossier guarantees about what it writes and reads, in dossier(1). */
  private static final String RELIABILITY =
      """
      .SH RELIABILITY
      .TP
      .B Writes are checked
      A write that fails (a full disk, a closed pipe) stops the command with \
      \\fBcannot write\\fR \\fIX\\fR\\fB:\\fR \\fIreason\\fR on standard error and exit status 1, \
      for standard output as for files; no command reports success over a truncated file.
      .TP
      .B Files are written whole or not at all
      \\fBexport \\-o\\fR, each file of a Markdown or HTML export, and \\fBbackup\\fR write a part \
      file beside the target (\\fI.NAME.PID.RANDOM.part\\fR, readable by its owner only) and \
      rename it into place once it is complete and on disk: a failed or killed write leaves the \
      previous file as it was, and the next write of the same file removes the parts that dead \
      processes left. A symbolic link found at a file's name in an export folder is replaced, \
      never written through; a folder there that is a link is refused.
      .TP
      .B The archive is never a target
      No command writes to the archive, its \\fI\\-wal\\fR, \\fI\\-shm\\fR or \\fI\\-journal\\fR \
      file under any name (a hard link included). \\fB\\-\\-db\\fR refuses an SQLite database \
      that is not a dossier archive (one without dossier's application id and tables) and \
      leaves it unchanged; an empty file becomes an archive.
      .TP
      .B Exports say how many articles they hold
      A JSON export ends with the element, an NDJSON export with the line \
      \\fB{"dossier_export":{"articles":\\fR\\fIN\\fR\\fB}}\\fR (skip it in \\fBjq\\fR with \
      \\fBselect(.id)\\fR). \\fBimport\\fR refuses, whole and before storing anything, an export \
      whose end record does not match what it holds or that is not JSON to its end; one without \
      an end record (from an older dossier, or cut short) is restored with a warning. Each \
      article is checked: an id from 1 to 9007199254740991 (2^53 \\- 1), a \\fBpublished\\fR \
      date and an \\fBimported\\fR time in ISO\\-8601, a \\fBcontent_hash\\fR that matches its \
      title and body; one that fails is reported and skipped.
      .TP
      .B Ids are never reused
      An article's id is never given to another, after \\fBrm\\fR, \\fBundo\\fR or a restore: new \
      ids count up from the highest ever used.
      .TP
      .B Folder walks stay in the folder
      \\fBimport\\fR follows a symbolic link inside a folder only when its target is inside the \
      folder named; the others are skipped and reported (\\fB\\-\\-follow\\fR follows them). A \
      path named on the command line is read wherever it points.
      .TP
      .B Exports are safe to open
      HTML escapes every field. Markdown writes article text as text: every character that \
      Markdown or HTML would read as markup is escaped, and a URL is written only with the \
      http, https or mailto scheme. \\fBexport \\-\\-format csv\\fR puts a \\fB'\\fR before a text \
      cell that starts with \\fB=\\fR, \\fB+\\fR, \\fB\\-\\fR, \\fB@\\fR, a tab or a carriage \
      return, which a spreadsheet would run as a formula. The csv and tsv formats of the listing \
      commands (\\fBlist\\fR, \\fBsearch\\fR, \\fBtags\\fR, ...) are data for scripts and carry the \
      text as stored, unguarded: open an export, not a listing, in a spreadsheet.
      .TP
      .B Terminals get no escape sequence from the data
      On a terminal, control characters from articles, file names and arguments are shown as \
      visible placeholders; the only escape sequences written are dossier's own colors, and \
      only in formats dossier colors (tables and text).
      .TP
      .B db check tells damage from not checking
      \\fBdb check\\fR reports problems only on evidence; an archive it cannot check (read\\-only, \
      or busy in another process for longer than dossier waits) is said to be so, with exit \
      status 1 and no advice to repair.
      .TP
      .B DOSSIER_BUSY_TIMEOUT
      How long, in milliseconds, a command waits for another process's write before it gives up \
      (default 30000).
      """;
}
