package dossier.cli;

import static dossier.cli.ImportCommandTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.store.StatsRepository.Count;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  @TempDir Path tmp;

  private Cli archive() {
    Cli cli = new Cli(tmp);
    for (String f : ImportCommandTest.FIXTURES) {
      cli.fixture(f);
    }
    Cli.Result r = cli.run("import", "--tag", "fixtures", cli.dir().resolve("files").toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(cli.run("tag", "+ports", "--", "harbour").code()).isZero();
    assertThat(cli.run("mark", "--star", "--", "harbour").code()).isZero();
    return cli;
  }

  @Test
  void jsonCountsWhatListShows() throws Exception {
    Cli cli = archive();
    Cli.Result r = cli.run("stats", "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode s = JSON.readTree(r.out());
    assertThat(s.get("articles").asLong())
        .isEqualTo(cli.run("list", "--format", "ids").lines().size())
        .isEqualTo(3);
    assertThat(s.get("status").get("new").asLong()).isEqualTo(3);
    assertThat(s.get("starred").asLong()).isEqualTo(1);
    assertThat(s.get("tagged").asLong()).isEqualTo(3);
    assertThat(s.get("tags").get(0).get("name").asText()).isEqualTo("fixtures");
    assertThat(s.get("tags").get(0).get("count").asLong()).isEqualTo(3);
    long months = 0;
    for (JsonNode m : s.get("months")) {
      assertThat(m.get("month").asText()).matches("\\d{4}-\\d{2}");
      months += m.get("count").asLong();
    }
    assertThat(months).isEqualTo(3);

    JsonNode some = JSON.readTree(cli.run("stats", "tag:ports", "--format", "json").out());
    assertThat(some.get("articles").asLong()).isEqualTo(1);
    assertThat(some.get("tags").toString()).contains("ports").contains("fixtures");
  }

  @Test
  void tableDrawsBars() {
    Cli cli = archive();
    Cli.Result r = cli.run("stats");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("Articles  3  (")
        .contains("Top tags")
        .contains("Articles per month")
        .contains("█")
        .doesNotContain("\033[");
    String fixtures = r.lines().stream().filter(l -> l.startsWith("  fixtures")).findFirst().get();
    String ports = r.lines().stream().filter(l -> l.startsWith("  ports")).findFirst().get();
    assertThat(fixtures.chars().filter(c -> c == '█').count())
        .isGreaterThan(2 * ports.chars().filter(c -> c == '█').count());
    assertThat(r.lines()).allMatch(l -> Terminal.displayWidth(l) <= 80);
  }

  @Test
  void emptyArchive() {
    Cli cli = new Cli(tmp);
    assertThat(cli.run("db", "info").code()).isZero();
    Cli.Result r = cli.run("stats");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("Articles  0  (0 words)");
  }

  @Test
  void barsAndSparklines() {
    assertThat(StatsCommand.bar(10, 10, 8)).isEqualTo("████████");
    assertThat(StatsCommand.bar(1, 2, 3)).isEqualTo("█▌");
    assertThat(StatsCommand.bar(1, 1000, 10)).isEqualTo("▏");
    assertThat(StatsCommand.sparkline(List.of(0L, 1L, 7L))).isEqualTo(" ▂█");
    assertThat(StatsCommand.fillMonths(List.of(new Count("2024-11", 2), new Count("2025-02", 5))))
        .containsExactly(2L, 0L, 0L, 5L);
  }
}
