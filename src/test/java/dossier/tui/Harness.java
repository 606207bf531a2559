package dossier.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dossier.cli.Cli;
import dossier.core.Article;
import dossier.service.ArticleService;
import dossier.store.Archive;
import dossier.store.ArchiveLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The review UI on Lanterna's virtual terminal: a fixed size, keys typed by name, the screen read
 * back as text. Archive work runs on the test's thread, so after each key the screen is settled.
 */
final class Harness implements AutoCloseable {
  /** Five articles, newest first by date, imported in id order 1..5. */
  static final String[][] ARTICLES = {
    {
      "2024-08-15",
      "Dam talks stall at Lisvane",
      "Ana Reyes",
      "Negotiators left Lisvane without an agreement on Monday.\n\n"
          + "The talks will resume in September, both delegations said."
    },
    {
      "2024-08-14",
      "Harbour fees rise again",
      "Ben Ode",
      "The port authority raised transit fees for the third time this year."
    },
    {
      "2024-08-13",
      "Court pauses reservoir filling",
      "Cora Lind",
      "A court ordered a pause on filling the Kessel reservoir."
    },
    {
      "2024-08-12",
      "漢字の見出し and a very long title that goes on well past the width of an eighty column"
          + " terminal",
      "Dee Park",
      "A body with an escape \u001b[31mred\u001b[0m sequence in it."
    },
    {"2024-08-11", "Quiet week on the river", "Eli Moss", "Nothing happened on the river."},
  };

  final Cli cli;
  final Archive archive;
  final DefaultVirtualTerminal terminal;
  final TerminalScreen screen;
  final ReviewApp app;
  long now;

  private Harness(Cli cli, String query, TerminalSize size, boolean color, TagSuggester s) {
    this(cli, Archive.open(cli.db()), query, size, color, s);
  }

  private Harness(
      Cli cli, Archive archive, String query, TerminalSize size, boolean color, TagSuggester s) {
    this.cli = cli;
    this.archive = archive;
    this.terminal = new DefaultVirtualTerminal(size);
    try {
      this.screen = new TerminalScreen(terminal);
      screen.startScreen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.app =
        new ReviewApp(
            screen,
            Theme.of(color),
            archive,
            archive,
            a -> s,
            Runnable::run,
            Runnable::run,
            () -> now,
            query);
    settle();
  }

  /** An archive with {@link #ARTICLES} in {@code dir}, and the UI open on it at 80x24. */
  static Harness open(Path dir) {
    return open(dir, "is:new", 80, 24, false);
  }

  static Harness open(Path dir, String query, int cols, int rows, boolean color) {
    Cli cli = archiveWithArticles(dir);
    return new Harness(
        cli,
        query,
        new TerminalSize(cols, rows),
        color,
        (id, limit) -> List.of(new TagSuggester.Suggestion("water", "test suggestion")));
  }

  /** The UI open on an archive made by the test (see {@link Wire}), without tag suggestions. */
  static Harness on(Cli cli, String query, int cols, int rows) {
    return new Harness(cli, query, new TerminalSize(cols, rows), false, (id, limit) -> List.of());
  }

  /** {@link #ARTICLES} in the PostgreSQL archive at {@code url}, and the UI open on it at 80x24. */
  static Harness onServer(Path dir, String url) {
    Cli cli = archiveWithArticles(new Cli(dir).env("DOSSIER_DB", url));
    Archive a = Archive.open(ArchiveLocation.parse(url), Archive.BUSY_TIMEOUT_MS, Map.of());
    return new Harness(cli, a, "is:new", new TerminalSize(80, 24), false, (id, limit) -> List.of());
  }

  static Cli archiveWithArticles(Path dir) {
    return archiveWithArticles(new Cli(dir));
  }

  private static Cli archiveWithArticles(Cli cli) {
    Path dir = cli.dir();
    try {
      Path files = Files.createDirectories(dir.resolve("articles"));
      for (int i = 0; i < ARTICLES.length; i++) {
        String[] a = ARTICLES[i];
        Path f = files.resolve("a" + (i + 1) + ".md");
        String md =
            "---\ntitle: \""
                + a[1]
                + "\"\ndate: "
                + a[0]
                + "\nauthor: "
                + a[2]
                + "\n---\n\n"
                + a[3]
                + "\n";
        Files.writeString(f, md, StandardCharsets.UTF_8);
        Cli.Result r = cli.run("import", f.toString());
        if (r.code() != 0) {
          throw new AssertionError(r.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cli;
  }

  /** Presses keys by name ("j", "Enter", "Esc", "Down", "Space", "C-l", "Tab"), one at a time. */
  Harness press(String... keys) {
    for (String k : keys) {
      terminal.addInput(stroke(k));
      settle();
    }
    return this;
  }

  /** Types text character by character. */
  Harness type(String text) {
    for (char c : text.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
      settle();
    }
    return this;
  }

  static KeyStroke stroke(String k) {
    return switch (k) {
      case "Enter" -> new KeyStroke(KeyType.Enter);
      case "Esc" -> new KeyStroke(KeyType.Escape);
      case "Down" -> new KeyStroke(KeyType.ArrowDown);
      case "Up" -> new KeyStroke(KeyType.ArrowUp);
      case "Left" -> new KeyStroke(KeyType.ArrowLeft);
      case "Right" -> new KeyStroke(KeyType.ArrowRight);
      case "PageDown" -> new KeyStroke(KeyType.PageDown);
      case "PageUp" -> new KeyStroke(KeyType.PageUp);
      case "Home" -> new KeyStroke(KeyType.Home);
      case "End" -> new KeyStroke(KeyType.End);
      case "Tab" -> new KeyStroke(KeyType.Tab);
      case "Backspace" -> new KeyStroke(KeyType.Backspace);
      case "Space" -> new KeyStroke(' ', false, false);
      default -> {
        if (k.startsWith("C-") && k.length() == 3) {
          yield new KeyStroke(k.charAt(2), true, false);
        }
        if (k.length() != 1) {
          throw new IllegalArgumentException("unknown key " + k);
        }
        yield new KeyStroke(k.charAt(0), false, false);
      }
    };
  }

  /** Lets the app handle everything pending (keys, results) and redraw. */
  Harness settle() {
    try {
      for (int i = 0; i < 100 && app.step(); i++) {
        // each step may load a page that the next draw needs
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The screen as text, one line per row, trailing spaces removed. */
  String text() {
    List<String> rows = new ArrayList<>();
    TerminalSize size = terminal.getTerminalSize();
    for (int r = 0; r < size.getRows(); r++) {
      rows.add(row(r));
    }
    return String.join("\n", rows);
  }

  String row(int r) {
    StringBuilder b = new StringBuilder();
    int cols = terminal.getTerminalSize().getColumns();
    for (int c = 0; c < cols; c++) {
      TextCharacter ch = terminal.getCharacter(c, r);
      b.append(ch.getCharacterString());
      if (ch.isDoubleWidth()) {
        c++;
      }
    }
    return b.toString().stripTrailing();
  }

  TextCharacter cell(int col, int row) {
    return terminal.getCharacter(col, row);
  }

  /** The article as stored now, read through the service. */
  Article article(long id) {
    try (Archive a = Archive.open(cli.db())) {
      return new ArticleService(a).get(id);
    }
  }

  /** Ids matching a query, as {@code dossier list --format ids} prints them. */
  List<String> ids(String query) {
    Cli.Result r = cli.run("list", query, "--format", "ids");
    if (r.code() != 0) {
      throw new AssertionError(r.toString());
    }
    return r.lines();
  }

  @Override
  public void close() {
    try {
      screen.stopScreen();
    } catch (IOException e) {
      // the virtual terminal cannot fail to stop
    }
    archive.close();
  }
}
