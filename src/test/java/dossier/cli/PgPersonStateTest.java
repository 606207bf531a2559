package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.store.PgCluster;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people on one server archive: each has their own read status and stars (is:, mark, undo,
 * JSON, stats), while tags stay shared; a file has one person.
 */
class PgPersonStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Cli ana;
  Cli bo;
  long first;
  long second;

  @BeforeEach
  void setUp() {
    String db = PgCluster.require().database("persons");
    ana = new Cli(tmp.resolve("ana")).env("DOSSIER_DB", db).env("DOSSIER_USER", "ana");
    bo = new Cli(tmp.resolve("bo")).env("DOSSIER_DB", db).env("DOSSIER_USER", "bo");
    ana.ok("import", Cli.samples().toString());
    List<Long> all = ids(ana, "");
    first = all.get(0);
    second = all.get(1);
  }

  private static List<Long> ids(Cli cli, String query) {
    Cli.Result r = cli.ok("list", "--format", "ids", "--", query);
    return r.out().isBlank()
        ? List.of()
        : Arrays.stream(r.out().trim().split("\n")).map(Long::parseLong).sorted().toList();
  }

  /** The article's status and star as {@code cli}'s person sees them in the JSON listing. */
  private static String state(Cli cli, long id) throws Exception {
    JsonNode a = JSON.readTree(cli.ok("list", "--format", "ndjson", "--", "id:" + id).out());
    return a.get("status").asText() + (a.get("starred").asBoolean() ? "*" : "");
  }

  @Test
  void eachPersonReadsMarksAndUndoesTheirOwnStatusAndStar() throws Exception {
    ana.ok("mark", "read", "--star", "--ids", first + "," + second);
    ana.ok("tag", "+shared", "--ids", "" + first);

    assertThat(state(ana, first)).isEqualTo("read*");
    assertThat(state(bo, first)).isEqualTo("new");
    assertThat(ids(ana, "is:read is:starred")).containsExactly(first, second);
    assertThat(ids(bo, "is:read OR is:starred")).isEmpty();
    assertThat(ids(bo, "is:new")).contains(first, second);
    // tags are everyone's
    assertThat(ids(bo, "tag:shared")).containsExactly(first);
    JsonNode stats = JSON.readTree(bo.ok("stats", "--format", "json").out());
    assertThat(stats.get("starred").asLong()).isZero();
    assertThat(JSON.readTree(ana.ok("stats", "--format", "json").out()).get("starred").asLong())
        .isEqualTo(2);

    bo.ok("mark", "reviewed", "--ids", "" + first);
    assertThat(state(bo, first)).isEqualTo("reviewed");
    assertThat(state(ana, first)).isEqualTo("read*");

    // ana's undo takes back her tag, then her mark: bo's review stays
    ana.ok("undo");
    ana.ok("undo");
    assertThat(state(ana, first)).isEqualTo("new");
    assertThat(state(bo, first)).isEqualTo("reviewed");
    // bo undoing ana's earlier change (--any) would be hers; his own undo reverts his review
    bo.ok("undo");
    assertThat(state(bo, first)).isEqualTo("new");
  }

  @Test
  void aDeletedArticleComesBackWithEveryonesStateAndACopyToAFileAndBackKeepsIt() throws Exception {
    ana.ok("mark", "archived", "--ids", "" + first);
    bo.ok("mark", "--star", "--ids", "" + first);
    bo.ok("rm", "--yes", "--ids", "" + first);
    assertThat(ids(ana, "")).doesNotContain(first);
    bo.ok("undo");
    assertThat(state(ana, first)).isEqualTo("archived");
    assertThat(state(bo, first)).isEqualTo("new*");

    Path file = tmp.resolve("copy.db");
    ana.ok("db", "migrate-to", file.toString());
    String back = PgCluster.require().database("persons_back");
    ana.env("DOSSIER_DB", file.toString()).ok("db", "migrate-to", back);
    bo.env("DOSSIER_DB", back);
    ana.env("DOSSIER_DB", back);
    assertThat(state(ana, first)).isEqualTo("archived");
    assertThat(state(bo, first)).isEqualTo("new*");
  }

  @Test
  void aFileHasOnePerson() throws Exception {
    Path file = tmp.resolve("one.db");
    ana.env("DOSSIER_DB", file.toString()).ok("import", Cli.samples().toString());
    bo.env("DOSSIER_DB", file.toString());
    long id = ids(ana, "").get(0);
    ana.ok("mark", "read", "--star", "--ids", "" + id);
    assertThat(state(bo, id)).isEqualTo("read*");
  }
}
