package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static dossier.cli.ImportCommandTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dossier.core.Text;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing leaked: what dossier writes never lands on the archive, through a link
 * planted in a folder or as live markup, what it reads stays inside the folder named, and what it
 * stores from an export is checked first. Every case runs the real command line.
 */
class SafeOutputTest {
  @TempDir Path tmp;
  Cli cli;

  static final String ESC = "\u001b";

  /** Text a web page showed as text, which must come out of every export as text. */
  static final String HOSTILE_TITLE =
      "<script>alert(1)</script> =HYPERLINK(\"http://x\") " + ESC + "[30mhidden # *not* [x](y)";

  static final String HOSTILE_BODY =
      "[click](javascript:alert(document.cookie)) and <img src=x onerror=alert(1)>\n\n"
          + "# not a heading\n- not a list\n1. not a list either\n> not a quote\n\n"
          + "&lt;b&gt; stays as written, a_b_c and `code` too | cell | ~~x~~ ![i](javascript:x)";

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp.resolve("a"));
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.toString()).isZero();
    return r;
  }

  /** One article as an export line, with the content hash the spec defines. */
  static ObjectNode article(long id, String title, String body) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("title", title);
    o.put("body", body);
    o.put("published", "2025-03-0" + (1 + id % 9));
    o.put("imported", "2025-03-10T08:00:00Z");
    o.put("content_hash", Text.sha256(title, "\n\n", body));
    return o;
  }

  /** Restores the articles into the archive through a JSON export file of our own. */
  private Cli.Result restore(Cli c, String name, List<ObjectNode> articles, boolean end)
      throws IOException {
    StringBuilder b = new StringBuilder();
    for (ObjectNode a : articles) {
      b.append(a).append('\n');
    }
    if (end) {
      b.append("{\"dossier_export\":{\"articles\":").append(articles.size()).append("}}\n");
    }
    Path f = tmp.resolve(name);
    Files.writeString(f, b);
    return c.run("import", f.toString());
  }

  private void hostileArticle() throws IOException {
    ObjectNode a = article(1, HOSTILE_TITLE, HOSTILE_BODY);
    a.put("note", "<iframe src=javascript:alert(2)> @SUM(A1)");
    a.put("caption", "-2+3 <b onmouseover=x>");
    a.put("url", "javascript:alert(3)");
    a.put("source", "+Daily Meridian");
    ok(restore(cli, "hostile.ndjson", List.of(a), true));
  }

  private List<String> ids(Cli c) {
    return ok(c.run("list", "--format", "ids", "--sort", "oldest")).lines();
  }

  // 2. ------------------------------------------------------------------------------------------

  @Test
  void noCommandWritesOverTheArchiveOrItsLog() throws Exception {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    long size = Files.size(cli.db());
    Path db = cli.db();
    for (String target :
        List.of(
            db.toString(), db + "-wal", db + "-shm", tmp.resolve("a/./archive.db").toString())) {
      for (String format : List.of("ndjson", "json", "csv")) {
        Cli.Result r = cli.run("export", "--format", format, "-o", target);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is the archive").contains("name another file");
      }
      Cli.Result b = cli.run("backup", "--force", target);
      assertThat(b.code()).as(b.toString()).isEqualTo(ExitCode.USAGE);
    }
    // a hard link is the same file under another name
    Path link = tmp.resolve("same.db");
    Files.createLink(link, db);
    assertThat(cli.run("export", "--format", "ndjson", "-o", link.toString()).code())
        .isEqualTo(ExitCode.USAGE);
    assertThat(Files.size(db)).isGreaterThanOrEqualTo(size);
    assertThat(ok(cli.run("db", "check")).err()).contains("ok");
    assertThat(ids(cli)).hasSize(1);
  }

  // 3. the count record (the killed export is in OutputFailureIT) -------------------------------

  @Test
  void anExportWhoseEndRecordDoesNotMatchIsRefusedWhole() throws IOException {
    ok(cli.run("db", "info")); // an archive to look into after the refusals
    List<ObjectNode> three =
        List.of(article(1, "One", "first body"), article(2, "Two", "second"), article(3, "3", "x"));
    StringBuilder b = new StringBuilder();
    b.append(three.get(0)).append('\n').append(three.get(2)).append('\n');
    b.append("{\"dossier_export\":{\"articles\":3}}\n");
    Path f = tmp.resolve("edited.ndjson");
    Files.writeString(f, b);
    Cli.Result r = cli.run("import", f.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("holds 2 of the 3 articles").contains("nothing was restored");
    assertThat(ids(cli)).isEmpty();

    // a file cut at a line has no end record: restored, with a warning that says so
    Cli.Result cut = restore(cli, "cut.ndjson", three.subList(0, 2), false);
    assertThat(cut.code()).as(cut.toString()).isZero();
    assertThat(cut.err()).contains("warning: ").contains("has no end record");
    assertThat(ids(cli)).containsExactly("1", "2");

    // a JSON array cut short is not JSON: refused whole
    Path half = tmp.resolve("half.json");
    Files.writeString(half, "[" + three.get(2) + ",\n" + three.get(1).toString().substring(0, 20));
    Cli.Result h = cli.run("import", half.toString());
    assertThat(h.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(h.err()).contains("not JSON from end to end");
    assertThat(ids(cli)).containsExactly("1", "2");
    assertNoStackTrace(h);
  }

  // 4. --------------------------------------------------------------------------------------------

  @Test
  void aFolderWalkFollowsNoLinkOutOfTheFolder() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("home/.ssh"));
    Files.writeString(outside.resolve("id_ed25519"), "Private key of nobody\n\nsecret words here");
    Path dir = Files.createDirectories(tmp.resolve("saved/clips"));
    Files.writeString(dir.resolve("story.txt"), "A story\n\nThe harbour workers met on Monday.");
    Files.writeString(tmp.resolve("saved/sibling.txt"), "Sibling\n\nA file beside the folder.");
    Files.createSymbolicLink(dir.resolve("key.md"), outside.resolve("id_ed25519"));
    Files.createSymbolicLink(dir.resolve("up"), Path.of(".."));
    Files.createDirectories(dir.resolve("inner"));
    Files.writeString(dir.resolve("inner/note.txt"), "Inner note\n\nKept inside the folder.");
    Files.createSymbolicLink(dir.resolve("again"), Path.of("inner"));

    Cli.Result r = ok(cli.run("import", "--json", dir.toString()));
    assertThat(r.err())
        .contains("skipped: " + dir.resolve("key.md") + ": a symbolic link to")
        .contains("outside " + dir.toRealPath())
        .contains("skipped: " + dir.resolve("up") + ": a symbolic link to " + dir.getParent());
    assertThat(cli.run("list", "secret").lines()).isEmpty();
    assertThat(cli.run("list", "sibling").lines()).isEmpty();
    // a link that stays inside is followed: the inner note is found (once, the other a duplicate)
    assertThat(ok(cli.run("list", "--format", "ids", "inner")).lines()).hasSize(1);
    assertThat(ids(cli)).hasSize(2);

    // --follow follows them; a path named on the command line is read wherever it points
    ok(cli.run("import", "--follow", dir.toString()));
    assertThat(ok(cli.run("list", "--format", "ids", "secret")).lines()).hasSize(1);
    assertThat(ok(cli.run("list", "--format", "ids", "sibling")).lines()).hasSize(1);
    Cli other = new Cli(tmp.resolve("b"));
    ok(other.run("import", dir.resolve("key.md").toString()));
    assertThat(ok(other.run("list", "--format", "ids", "secret")).lines()).hasSize(1);
  }

  // 5. --------------------------------------------------------------------------------------------

  @Test
  void folderExportsReplaceLinksPlantedInTheTargetAndNeverWriteThroughThem() throws IOException {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    String id = ids(cli).get(0);
    Path victim = tmp.resolve("victim.txt");
    Files.writeString(victim, "keep me");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));

    Path site = Files.createDirectories(tmp.resolve("site"));
    Files.createSymbolicLink(site.resolve("index.html"), victim);
    Path md = Files.createDirectories(tmp.resolve("md"));
    ok(cli.run("export", "--format", "markdown", "-o", tmp.resolve("scratch").toString()));
    String name;
    try (Stream<Path> s = Files.list(tmp.resolve("scratch"))) {
      name =
          s.filter(p -> p.toString().endsWith(".md"))
              .findFirst()
              .orElseThrow()
              .getFileName()
              .toString();
    }
    assertThat(name).startsWith(id + "-");
    Files.createSymbolicLink(md.resolve(name), victim);
    ok(cli.run("export", "--format", "html", "-o", site.toString()));
    ok(cli.run("export", "--format", "markdown", "-o", md.toString()));

    assertThat(Files.readString(victim)).isEqualTo("keep me");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.isSymbolicLink(site.resolve("index.html"))).isFalse();
    assertThat(Files.readString(site.resolve("index.html"))).contains("<!DOCTYPE html>");
    try (Stream<Path> s = Files.list(md)) {
      List<Path> files = s.filter(p -> !p.endsWith(ExportManifest.NAME)).toList();
      assertThat(files).hasSize(1);
      assertThat(Files.isSymbolicLink(files.get(0))).isFalse();
      assertThat(files.get(0).getFileName().toString()).isEqualTo(name);
    }

    // a folder planted as a link is not written into at all
    Path victimDir = Files.createDirectories(tmp.resolve("victim-dir"));
    Path site2 = Files.createDirectories(tmp.resolve("site2"));
    Files.createSymbolicLink(site2.resolve("articles"), victimDir);
    Cli.Result r = cli.run("export", "--format", "html", "-o", site2.toString());
    assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("articles").contains("symbolic link");
    try (Stream<Path> s = Files.list(victimDir)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  // 6. --------------------------------------------------------------------------------------------

  @Test
  void aDatabaseThatIsNotAnArchiveIsRefusedAndLeftAsItWas() throws Exception {
    Path other = tmp.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, name TEXT)");
      st.execute("INSERT INTO accounts(name) VALUES ('kept')");
    }
    byte[] before = Files.readAllBytes(other);
    for (String[] args :
        List.of(
            new String[] {"--db", other.toString(), "list"},
            new String[] {
              "--db", other.toString(), "import", cli.fixture("harbour-strike.txt") + ""
            },
            new String[] {"--db", other.toString(), "db", "check"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err()).contains("not a dossier archive").contains("it was not changed");
    }
    assertThat(Files.readAllBytes(other)).isEqualTo(before);
    assertThat(Files.exists(Path.of(other + "-wal"))).isFalse();

    // an empty file becomes an archive, and then carries dossier's mark
    Path empty = Files.createFile(tmp.resolve("empty.db"));
    ok(cli.run("--db", empty.toString(), "import", cli.fixture("harbour-strike.txt").toString()));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + empty);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA application_id")) {
      assertThat(rs.getInt(1)).isEqualTo(0x646f7373);
    }
  }

  // 7. --------------------------------------------------------------------------------------------

  /** What a Markdown renderer makes of a file: its links, images and raw HTML, and its text. */
  private record Rendered(List<String> markup, String text) {}

  private static Rendered render(String markdown) {
    Node doc = Parser.builder().build().parse(markdown);
    List<String> markup = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            markup.add("link " + link.getDestination());
          }

          @Override
          public void visit(Image image) {
            markup.add("image " + image.getDestination());
          }

          @Override
          public void visit(HtmlInline html) {
            markup.add("html " + html.getLiteral());
          }

          @Override
          public void visit(HtmlBlock html) {
            markup.add("html " + html.getLiteral());
          }
        });
    return new Rendered(markup, TextContentRenderer.builder().build().render(doc));
  }

  @Test
  void markdownHoldsTheTextAsTextWithNoLiveMarkup() throws IOException {
    hostileArticle();
    Path dir = tmp.resolve("md");
    ok(cli.run("export", "--format", "markdown", "-o", dir.toString()));
    Path file;
    try (Stream<Path> s = Files.list(dir)) {
      file = s.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
    }
    String exported = Files.readString(file);
    // the url is not a link dossier writes: its scheme is not http(s) or mailto
    assertThat(exported).doesNotContain("url:");
    String shown = ok(cli.run("show", "1", "--format", "markdown")).out();
    assertThat(shown).isEqualTo(exported);

    String content = exported.substring(exported.indexOf("\n---\n") + 5);
    Rendered r = render(content);
    assertThat(r.markup()).isEmpty();
    // every character of the text is there to read, none of it turned into markup
    String text = r.text();
    assertThat(text).contains(HOSTILE_TITLE.replace(ESC, ESC));
    for (String line : HOSTILE_BODY.split("\n")) {
      if (!line.isEmpty()) {
        assertThat(text).contains(line);
      }
    }
    assertThat(text).contains("<iframe src=javascript:alert(2)> @SUM(A1)");
  }

  // 8. --------------------------------------------------------------------------------------------

  private static List<CSVRecord> csv(String s) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(s))
        .getRecords();
  }

  @Test
  void csvExportGuardsFormulasAndListingsGiveScriptsTheData() throws IOException {
    hostileArticle();
    CSVRecord row = csv(ok(cli.run("export", "--format", "csv")).out()).get(0);
    assertThat(row.get("source")).isEqualTo("'+Daily Meridian");
    assertThat(row.get("caption")).isEqualTo("'-2+3 <b onmouseover=x>");
    assertThat(row.get("title")).isEqualTo(HOSTILE_TITLE);
    assertThat(row.get("id")).isEqualTo("1");
    ObjectNode more = article(2, "=1+1", "@cmd|' /C calc'!A0");
    more.put("note", "\t=2+2");
    ok(restore(cli, "more.ndjson", List.of(more), true));
    List<CSVRecord> rows = csv(ok(cli.run("export", "--format", "csv")).out());
    assertThat(rows.get(1).get("title")).isEqualTo("'=1+1");
    assertThat(rows.get(1).get("body")).isEqualTo("'@cmd|' /C calc'!A0");
    assertThat(rows.get(1).get("note")).isEqualTo("'\t=2+2");
    for (CSVRecord r : rows) {
      for (String cell : r) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
    // listings are data for scripts: the text as stored (the man page says so)
    assertThat(csv(ok(cli.run("list", "--format", "csv", "id:2")).out()).get(0).get("title"))
        .isEqualTo("=1+1");
  }

  // 9. --------------------------------------------------------------------------------------------

  @Test
  void escapeSequencesFromTheDataNeverReachATerminalEvenWithColor() throws IOException {
    hostileArticle();
    cli.tty(true, true).columns(120);
    List<String[]> commands =
        List.of(
            new String[] {"show", "1", "--format", "markdown", "--color=always"},
            new String[] {"show", "1", "--color=always"},
            new String[] {"list", "--format", "csv", "--color=always"},
            new String[] {"list", "--format", "tsv", "--color=always"},
            new String[] {"list", "--color=always"},
            new String[] {"search", "alert", "--color=always"},
            new String[] {"export", "--format", "csv", "--color=always"});
    for (String[] c : commands) {
      Cli.Result r = ok(cli.run(c));
      String withoutOurs = r.out();
      for (String code : Terminal.CODES) {
        withoutOurs = withoutOurs.replace(code, "");
      }
      assertThat(withoutOurs).as(String.join(" ", c)).doesNotContain(ESC).contains("hidden");
      assertThat(r.out()).doesNotContain(ESC + "[30m");
    }
    // a colored table still has dossier's own colors
    assertThat(ok(cli.run("list", "--color=always")).out()).contains(Terminal.YELLOW);
    // picocli's usage errors quote the argument: its sequences are broken up too
    Cli.Result bad = cli.run("list", "--sort", ESC + "]0;pwned\u0007" + ESC + "[2J");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).doesNotContain(ESC).doesNotContain("\u0007").contains("pwned");
  }

  // 10. -------------------------------------------------------------------------------------------

  @Test
  void savedSearchesThatMultiplyEachOtherAreRefusedWithTheBound() {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      words.add("w" + i);
    }
    String x2 = String.join(" OR ", Collections.nCopies(30, "saved:x1"));
    String x3 = String.join(" OR ", Collections.nCopies(30, "saved:x2"));
    // saved after the searches they use: refused at once
    ok(cli.run("saved", "add", "x1", String.join(" OR ", words)));
    ok(cli.run("saved", "add", "x2", x2));
    Cli.Result add = cli.run("saved", "add", "x3", x3);
    assertThat(add.code()).as(add.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(add.err())
        .contains("the query expands to more than 20000 words and operators through saved:x2");
    // saved before one of them grew: refused when used, naming the search used
    ok(cli.run("saved", "rm", "x1"));
    ok(cli.run("saved", "add", "x1", "harbour"));
    ok(cli.run("saved", "add", "x3", x3));
    ok(cli.run("saved", "rm", "x1"));
    ok(cli.run("saved", "add", "x1", String.join(" OR ", words)));
    ok(cli.run("list", "saved:x1"));
    Cli.Result r = cli.run("list", "saved:x3");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("expands to more than 20000 words and operators through saved:x3");
    assertNoStackTrace(r);
  }

  // 11. -------------------------------------------------------------------------------------------

  @Test
  void dbCheckOfABusyArchiveSaysBusyNotDamaged() throws Exception {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.db());
        Statement st = c.createStatement()) {
      st.execute("BEGIN IMMEDIATE"); // another process's write, held
      cli.env("DOSSIER_BUSY_TIMEOUT", "0");
      Cli.Result r = cli.run("db", "check");
      assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err()).contains("cannot check").contains("busy");
      assertThat(r.out() + r.err())
          .doesNotContain("damaged")
          .doesNotContain("--repair")
          .doesNotContain("does not match");
      st.execute("ROLLBACK");
    }
    cli.env("DOSSIER_BUSY_TIMEOUT", null);
    assertThat(ok(cli.run("db", "check")).err()).contains("ok: no problems found");
  }

  // 12. -------------------------------------------------------------------------------------------

  @Test
  void idsAreNeverHandedOutTwice() throws IOException {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    ok(cli.run("import", cli.fixture("library-reopens.html").toString()));
    String newest =
        String.valueOf(ids(cli).stream().mapToLong(Long::parseLong).max().orElseThrow());
    ok(cli.run("rm", "--yes", "--", "id:" + newest));
    ok(cli.run("import", cli.fixture("glacier-survey.md").toString()));
    List<String> after = ids(cli);
    assertThat(after).hasSize(2).doesNotContain(newest);
    assertThat(after.stream().mapToLong(Long::parseLong).max().orElseThrow())
        .isGreaterThan(Long.parseLong(newest));
    // undo of the rm brings the article back under its own id
    ok(cli.run("undo"));
    ok(cli.run("undo"));
    assertThat(ids(cli)).contains(newest);
  }

  @Test
  void aRestoreRefusesIdsOutOfRangeAndNewIdsFollowTheHighest() throws IOException {
    List<ObjectNode> bad =
        List.of(
            article(Long.MAX_VALUE, "Top of the range", "a body"),
            article(1L << 53, "Past what JSON readers hold", "another body"),
            article(-4, "Negative", "third body"));
    ObjectNode fraction = article(5, "Fraction", "fourth body");
    fraction.put("id", 5.5);
    List<ObjectNode> all = new ArrayList<>(bad);
    all.add(fraction);
    Cli.Result r = restore(cli, "ids.ndjson", all, true);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err())
        .contains("id 9223372036854775807 is out of range (at most 9007199254740991)")
        .contains("id 9007199254740992 is out of range")
        .contains("id -4 is not an article id")
        .contains("id 5.5 is not an article id");
    assertThat(ids(cli)).isEmpty();

    ok(restore(cli, "high.ndjson", List.of(article((1L << 53) - 1, "Highest", "body")), true));
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    ok(cli.run("import", cli.fixture("glacier-survey.md").toString()));
    // new ids count on from the highest, never picked at random below it
    assertThat(ids(cli))
        .hasSize(3)
        .contains(
            String.valueOf((1L << 53) - 1),
            String.valueOf(1L << 53),
            String.valueOf((1L << 53) + 1));
  }

  // 14. -------------------------------------------------------------------------------------------

  @Test
  void aRestoreStoresOnlyWhatDossierWouldHaveWritten() throws IOException {
    ObjectNode date = article(1, "Bad date", "one");
    date.put("published", "last Tuesday");
    ObjectNode hash = article(2, "Changed text", "two");
    hash.put("body", "two, edited after the export");
    ObjectNode imported = article(3, "Bad import time", "three");
    imported.put("imported", "yesterday");
    ObjectNode good = article(4, "Good", "four");
    good.put("published", "2025-03-01T09:30:00+01:00");
    Cli.Result r = restore(cli, "checked.ndjson", List.of(date, hash, imported, good), true);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.PARTIAL);
    assertThat(r.err())
        .contains("checked.ndjson:1: published 'last Tuesday' is not a date")
        .contains("checked.ndjson:2: content_hash does not match the title and body")
        .contains("checked.ndjson:3: imported 'yesterday' is not an ISO-8601 timestamp");
    assertThat(ids(cli)).containsExactly("4");
  }

  @Test
  void errorsSayWhy() throws Exception {
    ok(cli.run("import", cli.fixture("harbour-strike.txt").toString()));
    // a missing folder is made; a file where a folder should be is named
    Files.writeString(tmp.resolve("no"), "a file");
    Cli.Result missing =
        cli.run("export", "--format", "ndjson", "-o", tmp.resolve("no/such/dir/x.ndjson") + "");
    assertThat(missing.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(missing.err())
        .contains("cannot write " + tmp.resolve("no/such/dir"))
        .contains(tmp.resolve("no") + " is a file, not a folder");

    Cli.Result dir = cli.run("--db", tmp.toString(), "list");
    assertThat(dir.err()).contains("it is a folder").doesNotContain("SQLITE");
    Cli.Result empty = cli.run("--db", "", "list");
    assertThat(empty.code()).isNotZero();
    assertThat(empty.err()).contains("path is empty").doesNotContain("SQLITE");

    // an archive cut short: the message says so, and db check says the same, not "run db check"
    Path cut = tmp.resolve("cut.db");
    Files.write(cut, Arrays.copyOf(Files.readAllBytes(cli.db()), 1000));
    for (String[] args :
        List.of(
            new String[] {"--db", cut + "", "list"},
            new String[] {"--db", cut + "", "db", "check"})) {
      Cli.Result r = cli.run(args);
      assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err()).contains("damaged").doesNotContain("run 'dossier db check'");
      assertNoStackTrace(r);
    }
  }

  @Test
  void aReadOnlyFolderIsNotCalledAReadOnlyArchiveAndDbCheckSaysReadOnly() throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("ro"));
    assumeTrue(
        mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt.toString()),
        "mounting a tmpfs needs root (it makes a read-only folder that root cannot write)");
    try {
      Cli c = new Cli(mnt);
      ok(c.run("import", cli.fixture("harbour-strike.txt").toString()));
      assumeTrue(mount("-o", "remount,ro", mnt.toString()), "remounting read-only");
      Cli.Result check = c.run("db", "check");
      assertThat(check.code()).as(check.toString()).isEqualTo(ExitCode.FAILURE);
      assertThat(check.out() + check.err())
          .contains("read-only")
          .doesNotContain("damaged")
          .doesNotContain("--repair")
          .doesNotContain("does not match");
    } finally {
      mount("-u", mnt.toString());
    }
  }

  /** Runs mount (or umount, with -u first); true when it worked. */
  static boolean mount(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (args[0].equals("-u")) {
      cmd.add("umount");
      cmd.addAll(List.of(args).subList(1, args.length));
    } else {
      cmd.add("mount");
      cmd.addAll(List.of(args));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
