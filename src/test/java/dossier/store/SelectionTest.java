package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.core.Extracted;
import dossier.core.Status;
import dossier.query.CompiledQuery;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A change works on the selection handle it was given: two handles of one transaction keep their
 * own sets, a handle outlives nothing, and a rehearsal (a dry run) reports the real counts and
 * leaves the archive as it was.
 */
class SelectionTest {
  @TempDir Path dir;
  Archive archive;

  @BeforeEach
  void build() {
    archive = Archive.open(dir.resolve("sel.db"));
    archive.write(
        () -> {
          for (int i = 1; i <= 6; i++) {
            String body = (i % 2 == 0 ? "ferry " : "harbour ") + "report number " + i;
            Extracted x =
                new Extracted(
                    "Report " + i,
                    "Port Gazette",
                    List.of(),
                    "2021-05-0" + i,
                    null,
                    null,
                    "en",
                    null,
                    body,
                    List.of(),
                    "text");
            archive
                .articles()
                .insert(
                    NewArticle.of(x, body.getBytes(StandardCharsets.UTF_8), "/s/" + i, List.of()),
                    "2024-01-01T00:00:00Z");
          }
          return null;
        });
  }

  @AfterEach
  void close() {
    archive.close();
  }

  static CompiledQuery q(String text) {
    return QueryCompiler.compile(text, QueryContext.of(name -> Optional.empty()));
  }

  private long tagged(String tag) {
    return archive.articles().count(q("tag:" + tag));
  }

  @Test
  void twoHandlesInOneTransactionKeepTheirOwnSets() {
    int[] counts =
        archive.write(
            () -> {
              Selection ferries = archive.select(q("ferry"));
              Selection harbours = archive.select(q("harbour"));
              Selection two = archive.select(List.of(1L, 2L, 99L));
              long j = archive.journal().begin("tag", "test");
              return new int[] {
                ferries.addTag(j, "ferries"),
                harbours.addTag(j, "harbours"),
                two.count(),
                ferries.count()
              };
            });
    assertThat(counts).containsExactly(3, 3, 2, 3);
    assertThat(tagged("ferries")).isEqualTo(3);
    assertThat(tagged("harbours")).isEqualTo(3);
    assertThat(archive.articles().count(q("tag:ferries tag:harbours"))).isZero();
  }

  @Test
  void aHandleCannotBeUsedAfterItsTransaction() {
    Selection kept = archive.write(() -> archive.select(q("ferry")));
    assertThatThrownBy(kept::count)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the transaction");
    // the next transaction's handle, even with the same number, is not the old one's
    archive.write(() -> archive.select(q("harbour")).count());
    assertThatThrownBy(() -> kept.addTag(1, "x")).isInstanceOf(IllegalStateException.class);
    assertThat(tagged("x")).isZero();
  }

  @Test
  void aSelectionIsMadeOnlyInsideATransaction() {
    assertThatThrownBy(() -> archive.select(q("ferry"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eachChangeIsUndoneByItsJournalEntries() {
    archive.write(
        () -> {
          Selection s = archive.select(q("ferry"));
          long j = archive.journal().begin("mark", "test");
          assertThat(s.setStatus(j, Status.REVIEWED)).isEqualTo(3);
          assertThat(s.setStarred(j, true)).isEqualTo(3);
          assertThat(s.addTag(j, "boats")).isEqualTo(3);
          return null;
        });
    archive.write(
        () -> {
          long j = archive.journal().begin("rm", "test");
          return archive.select(q("ferry")).delete(j);
        });
    assertThat(archive.articles().count(CompiledQuery.ALL)).isEqualTo(3);
    archive.journal().undoLast();
    assertThat(archive.articles().count(CompiledQuery.ALL)).isEqualTo(6);
    assertThat(tagged("boats")).isEqualTo(3);
    assertThat(archive.articles().count(q("is:reviewed is:starred"))).isEqualTo(3);
    archive.journal().undoLast();
    assertThat(tagged("boats")).isZero();
    assertThat(archive.articles().count(q("is:reviewed"))).isZero();
    assertThat(archive.articles().count(q("is:starred"))).isZero();
  }

  @Test
  void aRehearsalReportsTheRealCountsAndChangesNothing() {
    int would =
        archive.rehearse(
            () -> {
              Selection s = archive.select(q("harbour"));
              long j = archive.journal().begin("tag", "dry");
              return s.addTag(j, "dry") + s.delete(j);
            });
    assertThat(would).isEqualTo(6);
    assertThat(archive.articles().count(CompiledQuery.ALL)).isEqualTo(6);
    assertThat(archive.tags().counts()).isEmpty();
    assertThat(archive.journal().recent(10)).isEmpty();
  }

  @Test
  void failuresAreToldApartByTheirResultCodeNotTheirWording() {
    SQLException busy =
        new SQLiteException(
            "[SQLITE_BUSY_SNAPSHOT] whatever words", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
    assertThat(SqliteCode.of(busy)).isEqualTo(SqliteCode.BUSY);
    assertThat(Archive.reason(busy)).isEqualTo("the archive is busy in another process; try again");
    SQLException full =
        new SQLException("disk trouble", new SQLiteException("x", SQLiteErrorCode.SQLITE_FULL));
    assertThat(SqliteCode.of(full)).isEqualTo(SqliteCode.FULL);
    // words alone decide nothing: a message that mentions a code is just a message
    SQLException words = new SQLException("[SQLITE_CORRUPT] not really");
    assertThat(SqliteCode.of(words)).isEqualTo(SqliteCode.OTHER);
    assertThat(Archive.reason(words)).isEqualTo("not really");
  }
}
