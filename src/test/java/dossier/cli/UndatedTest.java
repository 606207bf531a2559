package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article without a publication date stays undated everywhere: no table, screen, statistic or
 * export shows its import date where the publication date goes, queries can find it, and the sort
 * order never puts it among the dated ones.
 */
class UndatedTest {
  @TempDir Path tmp;
  Cli cli;
  String today;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    today = Instant.now().toString().substring(0, 10);
    Path dir = Files.createDirectories(tmp.resolve("in"));
    write(dir, "a-dated-old.txt", "Harbour levy passes", "Published 2015-02-01", "old");
    write(dir, "b-undated.txt", "Quiet week on the river", null, "undated");
    write(dir, "c-dated-new.txt", "Dam talks stall", "Published 2024-08-15", "new");
    Cli.Result r = cli.run("import", dir.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }

  private static void write(Path dir, String name, String title, String dateLine, String word)
      throws Exception {
    StringBuilder b = new StringBuilder(title).append("\n\n");
    if (dateLine != null) {
      b.append(dateLine).append("\n\n");
    }
    for (int i = 0; i < 4; i++) {
      b.append("The council met again on the matter of the ")
          .append(word)
          .append(" report, and members of the public asked for the figures to be shown in full.")
          .append("\n\n");
    }
    Files.writeString(dir.resolve(name), b.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void tablesShowNoDateAndTheOrderKeepsTheUndatedApart() {
    Cli.Result table = cli.run("list");
    assertThat(table.out()).doesNotContain(today);
    assertThat(table.lines()).hasSize(3);
    // newest first: the dated ones by date, then the undated
    assertThat(table.lines().get(0)).contains("2024-08-15").contains("Dam talks");
    assertThat(table.lines().get(1)).contains("2015-02-01");
    assertThat(table.lines().get(2)).contains("Quiet week").doesNotContainPattern("\\d{4}-\\d\\d");
    // oldest first is the reverse
    assertThat(cli.run("list", "--sort", "oldest").lines().get(0)).contains("Quiet week");
    assertThat(cli.run("search", "council").out()).doesNotContain(today);
  }

  @Test
  void queriesFindTheUndatedAndNoDateFilterMatchesThem() {
    String undated = cli.run("list", "--format", "ids", "is:undated").out();
    assertThat(undated.lines()).hasSize(1);
    assertThat(cli.run("list", "--format", "ids", "date:none").out()).isEqualTo(undated);
    assertThat(cli.run("list", "--format", "ids", "-date:none").lines()).hasSize(2);
    assertThat(cli.run("list", "--format", "ids", "date:" + today.substring(0, 4)).lines())
        .isEmpty();
    assertThat(cli.run("list", "--format", "ids", "date:2000..").lines()).hasSize(2);
  }

  @Test
  void statsCountTheUndatedApartFromTheTimeline() {
    Cli.Result s = cli.run("stats");
    assertThat(s.out()).contains("2015-02-01 .. 2024-08-15 · 1 undated").doesNotContain(today);
    Cli.Result json = cli.run("stats", "--format", "json");
    assertThat(json.out()).contains("\"undated\" : 1").doesNotContain(today.substring(0, 7));
  }

  @Test
  void exportsLeaveTheDateEmpty() throws Exception {
    Cli.Result csv = cli.run("export", "--format", "csv");
    String row =
        csv.lines().stream().filter(l -> l.contains("Quiet week")).findFirst().orElseThrow();
    assertThat(row.split(",")[4]).isEmpty(); // published
    assertThat(cli.run("show", "2", "--format", "json").out()).contains("\"published\" : null");
    assertThat(cli.run("show", "2", "--format", "markdown").out()).doesNotContain("date:");

    Path site = tmp.resolve("site");
    assertThat(cli.run("export", "--format", "html", "-o", site.toString()).code()).isZero();
    String index = Files.readString(site.resolve("index.html"));
    assertThat(index).contains("<h2>Undated</h2>").doesNotContain(today);
    // the undated come after every month
    assertThat(index.indexOf("<h2>Undated</h2>")).isGreaterThan(index.indexOf("<h2>2015-02</h2>"));
    try (var pages = Files.list(site.resolve("articles"))) {
      for (Path p : pages.toList()) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain(today);
      }
    }
  }
}
