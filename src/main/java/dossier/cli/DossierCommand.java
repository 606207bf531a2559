package dossier.cli;

import dossier.core.DossierException;
import dossier.core.NotFoundException;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.store.Archive;
import dossier.store.ArchiveLocation;
import dossier.store.NativeLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/** The root {@code dossier} command: global options and the list of subcommands. */
public final class DossierCommand implements Runnable {
  /**
   * Every subcommand, in the order help lists them. They are registered here rather than in the
   * root's model so that a run can set up only the one it executes (see {@link #commandLine(Env,
   * String...)}): picocli's reflection over all of them costs more than the rest of a search. The
   * common ones build their models in code (see {@link Specs}); the others are read from their
   * annotations.
   */
  static final List<Sub> SUBCOMMANDS =
      List.of(
          Sub.coded("import", () -> new ImportCommand().model()),
          Sub.annotated("extract", ExtractCommand.class),
          Sub.annotated("edit", EditCommand.class),
          Sub.coded("list", () -> new ListCommand().model()),
          Sub.coded("search", () -> new SearchCommand().model()),
          Sub.coded("count", () -> new CountCommand().model()),
          Sub.coded("show", () -> new ShowCommand().model()),
          Sub.annotated("dups", DupsCommand.class),
          Sub.annotated("stories", StoriesCommand.class),
          Sub.coded("tag", () -> new TagCommand().model()),
          Sub.annotated("tags", TagsCommand.class),
          Sub.coded("mark", () -> new MarkCommand().model()),
          Sub.annotated("note", NoteCommand.class),
          Sub.annotated("rm", RmCommand.class),
          Sub.annotated("undo", UndoCommand.class),
          Sub.annotated("log", LogCommand.class),
          Sub.annotated("rules", RulesCommand.class),
          Sub.annotated("suggest", SuggestCommand.class),
          Sub.annotated("saved", SavedCommand.class),
          Sub.annotated("review", ReviewCommand.class),
          Sub.annotated("db", DbCommand.class),
          Sub.annotated("reextract", ReextractCommand.class),
          Sub.coded("refetch", () -> new RefetchCommand().model()),
          Sub.annotated("diff", DiffCommand.class),
          Sub.annotated("export", ExportCommand.class),
          Sub.annotated("backup", BackupCommand.class),
          Sub.annotated("stats", StatsCommand.class),
          Sub.annotated("help", HelpCommand.class),
          Sub.annotated("completion", CompletionCommand.class),
          Sub.coded("__complete", () -> new CompleteCommand().model()),
          Sub.annotated("__warmup", WarmupCommand.class));

  /**
   * A subcommand: its name, and its class (annotated, read by picocli) or the maker of its model
   * built in code.
   */
  record Sub(String name, Class<?> annotated, Supplier<CommandSpec> model) {
    static Sub annotated(String name, Class<?> type) {
      return new Sub(name, type, null);
    }

    static Sub coded(String name, Supplier<CommandSpec> model) {
      return new Sub(name, null, model);
    }

    /** True when help and completion do not list it. */
    boolean hidden() {
      return model == null
          ? annotated.getAnnotation(Command.class).hidden()
          : model.get().usageMessage().hidden();
    }

    void addTo(CommandLine cl) {
      if (model == null) {
        cl.addSubcommand(annotated);
      } else {
        cl.addSubcommand(name, new CommandLine(model.get()));
      }
    }
  }

  CommandSpec spec;

  String db;

  String user;

  boolean quiet;

  ColorMode color = ColorMode.AUTO;

  /** The root's model: its options, help and version, without its subcommands. */
  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "dossier",
            "A terminal archive for news articles: import saved pages, scraped text and Markdown"
                + " clips into one SQLite archive, then tag, search and review them.");
    spec.versionProvider(new VersionProvider());
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .footerHeading("%nExit codes:%n")
        .footer(
            "    0  success (an empty result is success)",
            "    1  runtime failure (I/O, database)",
            "    2  usage error (bad option, query or tag)",
            "    3  some files of an import failed, the rest were imported",
            "    4  not found",
            "  141  standard output closed by its reader (as by | head): the command stops quietly",
            "",
            "The archive is --db, else $DOSSIER_DB, else $XDG_DATA_HOME/dossier/archive.db"
                + " (~/.local/share/dossier/archive.db).");
    spec.addOption(
        Specs.option(String.class, () -> db, v -> db = v, "--db")
            .paramLabel("PATH|URL")
            .scopeType(ScopeType.INHERIT)
            .userObject(Completes.Kind.FILE)
            .description(
                "The archive file, or a postgresql:// URL (default: $DOSSIER_DB, else"
                    + " $XDG_DATA_HOME/dossier/archive.db).")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> user, v -> user = v, "--user")
            .paramLabel("NAME")
            .scopeType(ScopeType.INHERIT)
            .description(
                "Who the journal records changes as by, and whose last change undo reverts"
                    + " (default: $DOSSIER_USER, else the login name; config key: user).")
            .build());
    spec.addOption(
        Specs.flag("quiet", () -> quiet, v -> quiet = v, "-q", "--quiet")
            .scopeType(ScopeType.INHERIT)
            .description("Print no summaries or progress, only data and errors.")
            .build());
    spec.addOption(
        Specs.option(ColorMode.class, () -> color, v -> color = v, "--color")
            .paramLabel("WHEN")
            .scopeType(ScopeType.INHERIT)
            .description(
                "Color output: ${COMPLETION-CANDIDATES} (default: auto: only on a terminal, never"
                    + " when NO_COLOR is set).")
            .build());
    return Specs.standardHelp(spec);
  }

  /** When to color output. */
  public enum ColorMode {
    auto,
    always,
    never;

    static final ColorMode AUTO = auto;
  }

  private final Env env;
  private Archive archive;

  public DossierCommand(Env env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Env env() {
    return env;
  }

  boolean quiet() {
    return quiet;
  }

  /**
   * Set once a printer has asked for color and been told yes: only then do dossier's own color
   * codes pass the terminal guard, so a format that never colors (csv, tsv, markdown) lets no
   * escape sequence through at all, whatever its data holds.
   */
  private boolean colorAsked;

  /** True when output to a terminal should be colored; ask only when about to color. */
  boolean color() {
    boolean on =
        switch (color) {
          case always -> true;
          case never -> false;
          case auto -> env.stdoutTty() && env.get("NO_COLOR") == null;
        };
    colorAsked |= on;
    return on;
  }

  /**
   * The archive these options and the environment name: a file, or a {@code postgresql://} URL
   * (never taken as a file name).
   */
  ArchiveLocation archiveLocation() {
    if (db != null) {
      return ArchiveLocation.parse(db);
    }
    String fromEnv = env.get("DOSSIER_DB");
    if (fromEnv != null) {
      return ArchiveLocation.parse(fromEnv);
    }
    return ArchiveLocation.ofFile(defaultArchive());
  }

  /** The archive file these options and the environment name, or null for a server archive. */
  Path archivePath() {
    return archiveLocation().file();
  }

  private Path defaultArchive() {
    String data = env.get("XDG_DATA_HOME");
    Path base =
        data != null && Path.of(data).isAbsolute()
            ? Path.of(data)
            : Path.of(
                env.vars().getOrDefault("HOME", System.getProperty("user.home")),
                ".local",
                "share");
    return base.resolve("dossier").resolve("archive.db");
  }

  /**
   * On a terminal, nothing from the archive reaches the screen raw, whichever printer wrote it: see
   * {@link TerminalSafeWriter}. Pipes and files get the data as it is.
   */
  private void guardTerminal(CommandLine cl) {
    if (env.stdoutTty()) {
      cl.setOut(
          new PrintWriter(new TerminalSafeWriter(cl.getOut(), () -> colorAsked, false), true));
    }
    if (env.stderrTty()) {
      // messages are colored by no one: every escape sequence on standard error is broken up
      cl.setErr(new PrintWriter(new TerminalSafeWriter(cl.getErr(), () -> false, true), true));
    }
  }

  /** The archive, opened on first use and closed when the command ends. */
  Archive archive() {
    return archive(true);
  }

  /**
   * The archive, opened on first use; when it does not exist, created only if {@code create}, else
   * a failure that says so.
   */
  Archive archive(boolean create) {
    if (archive == null) {
      ArchiveLocation where = archiveLocation();
      Path p = where.file();
      if (!create && p != null && !p.toString().isEmpty() && Files.notExists(p)) {
        throw new DossierException(
            "no archive at "
                + p.toAbsolutePath()
                + " (check --db or $DOSSIER_DB; 'dossier import FILE' creates one)");
      }
      archive = Archive.open(where, busyTimeout(), env.vars());
      archive.journal().setAuthor(author());
    }
    return archive;
  }

  /**
   * Who the changes of this command are recorded as by: {@code --user} (or the config's {@code
   * user}), else {@code $DOSSIER_USER}, else the login name ({@code $USER}, {@code $LOGNAME}, the
   * JVM's user name).
   */
  String author() {
    if (user != null && !user.isBlank()) {
      return user.strip();
    }
    for (String name : new String[] {"DOSSIER_USER", "USER", "LOGNAME"}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    String v = System.getProperty("user.name");
    return v == null || v.isBlank() ? null : v.strip();
  }

  /**
   * How long a command waits for another process's write: {@code $DOSSIER_BUSY_TIMEOUT}
   * milliseconds, else 30 s.
   */
  int busyTimeout() {
    String v = env.get("DOSSIER_BUSY_TIMEOUT");
    if (v != null) {
      try {
        int ms = Integer.parseInt(v.trim());
        if (ms >= 0) {
          return ms;
        }
      } catch (NumberFormatException e) {
        // fall through to the message
      }
      throw new UsageException(
          "DOSSIER_BUSY_TIMEOUT must be a number of milliseconds, not '" + v + "'");
    }
    return Archive.BUSY_TIMEOUT_MS;
  }

  void closeArchive() {
    if (archive != null) {
      archive.close();
      archive = null;
    }
  }

  /**
   * Answers {@code dossier --version} (or {@code -V}) alone without building the command line:
   * picocli's model of the root command costs several times what printing the version does. Returns
   * null for any other arguments, which go to {@link #commandLine(Env, String...)}.
   */
  public static Integer quick(Env env, String... args) {
    if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
      return null;
    }
    PrintWriter out = Output.printWriter(env.stdoutBytes(), Output.stdoutCharset(), Output.STDOUT);
    try {
      for (String line : new VersionProvider().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCode.OK;
    } catch (WriteFailure e) {
      if (e.readerClosed()) {
        return ExitCode.CLOSED_PIPE;
      }
      System.err.println("error: " + e.getMessage());
      System.err.flush();
      return ExitCode.FAILURE;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      System.err.flush();
      return ExitCode.FAILURE;
    }
  }

  /** Builds the command line with every subcommand and dossier's error handling around it. */
  public static CommandLine commandLine(Env env) {
    return build(env, SUBCOMMANDS);
  }

  /**
   * Builds the command line for running {@code args}: with only the subcommand they name when they
   * name one, else with all of them (for help, errors and suggestions).
   */
  public static CommandLine commandLine(Env env, String... args) {
    String name = subcommandName(args);
    if (name != null) {
      for (Sub c : SUBCOMMANDS) {
        if (c.name().equals(name)) {
          return build(env, List.of(c));
        }
      }
    }
    return build(env, SUBCOMMANDS);
  }

  /**
   * Whether {@code args} name a subcommand that may open an archive: worth getting the driver ready
   * in the background (see {@link NativeLibrary#warmUp}). Help, completion and mistakes are not.
   */
  public static boolean opensArchive(String... args) {
    String name = subcommandName(args);
    return name != null && !NO_ARCHIVE.contains(name);
  }

  private static final Set<String> NO_ARCHIVE = Set.of("help", "completion", "extract", "__warmup");

  /** The first word that is not a root option or its value, or null. */
  static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--db") || a.equals("--color") || a.equals("--user")) {
        i++; // skip the option's value
      } else if (a.startsWith("--db=")
          || a.startsWith("--color=")
          || a.startsWith("--user=")
          || a.equals("-q")
          || a.equals("--quiet")) {
        continue;
      } else if (a.startsWith("-")) {
        return null; // --help, --version, or a mistake: let the full command line handle it
      } else {
        return a;
      }
    }
    return null;
  }

  private static CommandLine build(Env env, List<Sub> subcommands) {
    DossierCommand root = new DossierCommand(env);
    CommandLine cl = new CommandLine(root.model());
    for (Sub c : subcommands) {
      c.addTo(cl);
    }
    // after the subcommands: setOut reaches only those already added
    cl.setOut(Output.printWriter(env.stdoutBytes(), Output.stdoutCharset(), Output.STDOUT));
    // Queries may start with a minus ('list -tag:sport', 'search -draft budget'): for the commands
    // that take query words, an unknown dash word is a query word. Unknown '--long' options are
    // still refused, by QueryWords.check.
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommand() instanceof QueryWords) {
        sub.setUnmatchedOptionsArePositionalParams(true);
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Config.Problems config = Config.apply(cl, env);
    cl.setExecutionStrategy(
        parseResult -> {
          root.guardTerminal(cl);
          PrintWriter err = cl.getErr();
          for (String w : config.warnings()) {
            err.println("warning: " + Text.safeForTerminal(w, true));
          }
          if (!config.errors().isEmpty() && !helpAsked(parseResult)) {
            for (String e : config.errors()) {
              err.println("error: " + Text.safeForTerminal(e, true));
            }
            err.flush();
            return ExitCode.USAGE;
          }
          int code;
          try {
            code = new CommandLine.RunLast().execute(parseResult);
          } catch (CommandLine.ExecutionException e) {
            flushQuietly(cl.getOut()); // what was printed before the failure, if it still can
            throw e;
          } finally {
            root.closeArchive();
          }
          try {
            cl.getOut().flush();
          } catch (WriteFailure e) {
            if (e.readerClosed()) {
              code = ExitCode.CLOSED_PIPE;
            } else {
              cl.getErr().println("error: " + e.getMessage());
              code = ExitCode.FAILURE;
            }
          }
          cl.getErr().flush();
          return code;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter err = c.getErr();
          // the message may quote an argument: its escape sequences must not reach a terminal
          err.println("error: " + Text.safeForTerminal(UsageErrors.message(ex), true));
          err.println(
              "Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          err.flush();
          return ExitCode.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          PrintWriter err = c.getErr();
          int code;
          if (ex instanceof WriteFailure wf && wf.readerClosed()) {
            return ExitCode.CLOSED_PIPE; // the reader has what it wanted: nothing to say
          }
          if (ex instanceof UsageException) {
            code = ExitCode.USAGE;
          } else if (ex instanceof NotFoundException) {
            code = ExitCode.NOT_FOUND;
          } else if (ex instanceof DossierException) {
            code = ExitCode.FAILURE;
          } else {
            code = ExitCode.FAILURE;
            err.println("error: internal error: " + Text.safeForTerminal(ex.toString(), true));
            if (env.get("DOSSIER_DEBUG") != null) {
              ex.printStackTrace(err);
            } else {
              err.println("(set DOSSIER_DEBUG=1 to see where)");
            }
            err.flush();
            return code;
          }
          err.println("error: " + Text.safeForTerminal(ex.getMessage(), true));
          err.flush();
          return code;
        });
    return cl;
  }

  /** True when the command line asks for help or the version, which a bad config must not stop. */
  private static boolean helpAsked(CommandLine.ParseResult r) {
    for (CommandLine.ParseResult p = r; p != null; p = p.subcommand()) {
      if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  private static void flushQuietly(PrintWriter out) {
    try {
      out.flush();
    } catch (WriteFailure e) {
      // the command's own failure is the one reported
    }
  }
}
