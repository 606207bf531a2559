package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A band that many stored articles share (text that a template repeats in every article) hands a
 * lookup only the earliest few of them, so an import never compares a new article with the whole
 * archive.
 */
class CopyRepositoryTest {
  @TempDir Path dir;

  @Test
  void aCrowdedBandGivesTheEarliestFewArticlesOnly() {
    Archive archive = Archive.open(dir.resolve("copies.db"));
    String template =
        "The harbour board met on Tuesday to hear the ferry operators and the port workers, who"
            + " asked for new berths, longer hours at the quay and a second pilot boat for winter. ";
    Fingerprint shared = Fingerprint.of(template.repeat(3));
    long[] bands = Copies.bands(shared);
    archive.write(
        () -> {
          for (int i = 1; i <= 100; i++) {
            String body = template + "Item " + i + " of the minutes.";
            long id = insert(archive, "Minutes " + i, body, "/m/" + i);
            archive.copies().store(id, shared, bands);
          }
          return null;
        });
    List<CopyRepository.Candidate> found = archive.copies().candidates(bands);
    assertThat(found).hasSize(CopyRepository.PER_BAND);
    assertThat(found.stream().mapToLong(CopyRepository.Candidate::id).min().orElseThrow())
        .isEqualTo(1);
    archive.close();
  }

  @Test
  void aBandSharedByAFewMoreThanTheLimitGivesTheEarliestOnesInOrder() {
    Archive archive = Archive.open(dir.resolve("few.db"));
    Fingerprint print = Fingerprint.of("the ferry operators asked for new berths at the quay");
    long[] asked = Copies.bands(print);
    archive.write(
        () -> {
          for (int i = 1; i <= 20; i++) {
            String body = "Minutes of meeting " + i + " of the harbour board.";
            long id = insert(archive, "Minutes " + i, body, "/f/" + i);
            // one band in common with what is asked, the others each article's own
            long[] bands = Copies.bands(Fingerprint.of(body));
            bands[7] = asked[7];
            archive.copies().store(id, print, bands);
          }
          return null;
        });
    List<CopyRepository.Candidate> found = archive.copies().candidates(asked);
    assertThat(found)
        .extracting(CopyRepository.Candidate::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
    assertThat(archive.copies().candidates(Copies.bands(Fingerprint.of("nothing like it"))))
        .isEmpty();
    archive.close();
  }

  @Test
  void bandRowsMovedOutOfTheRecentTableAreFoundAsBefore() throws Exception {
    Archive archive = Archive.open(dir.resolve("recent.db"));
    // twelve articles' band rows: the first twelve move into lsh_bands, the next eight stay recent
    archive.copies().recentLimit = 12 * Copies.BANDS;
    Fingerprint print = Fingerprint.of("the ferry operators asked for new berths at the quay");
    long[] asked = Copies.bands(print);
    long[] one = Copies.bands(Fingerprint.of("something else entirely, about the pilot boats"));
    archive.write(
        () -> {
          for (int i = 1; i <= 20; i++) {
            String body = "Minutes of meeting " + i + " of the harbour board.";
            long id = insert(archive, "Minutes " + i, body, "/r/" + i);
            // every band in common with what is asked (more rows than one look-up takes), and
            // one band with what the second look-up asks
            long[] bands = asked.clone();
            if (i % 2 == 0) {
              bands[3] = one[3];
            }
            archive.copies().store(id, print, bands);
          }
          return null;
        });
    // of the band only odd ones hold, the earliest sixteen holders are 1 to 19
    List<Long> earliest =
        java.util.stream.LongStream.concat(
                java.util.stream.LongStream.rangeClosed(1, 16),
                java.util.stream.LongStream.of(17, 19))
            .boxed()
            .toList();
    assertThat(archive.copies().candidates(asked))
        .extracting(CopyRepository.Candidate::id)
        .containsExactlyElementsOf(earliest);
    assertThat(archive.copies().candidates(one))
        .extracting(CopyRepository.Candidate::id)
        .containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L);
    archive.close();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("recent.db"));
        var st = c.createStatement();
        var bands = st.executeQuery("SELECT count(*), max(article_id) FROM lsh_bands")) {
      assertThat(bands.getLong(1)).isEqualTo(12L * Copies.BANDS);
      assertThat(bands.getLong(2)).isEqualTo(12);
    }
  }

  @Test
  void aLookupInATransactionSeesWhatTheTransactionWroteBeforeIt() {
    Archive archive = Archive.open(dir.resolve("known.db"));
    Fingerprint print =
        Fingerprint.of("the ferry operators asked for new berths at the quay today");
    Fingerprint other = Fingerprint.of("a different text about the harbour board and its pilots");
    long[] bands = Copies.bands(print);
    archive.write(
        () -> {
          long a = insert(archive, "A", "first body of text", "/k/a");
          long b = insert(archive, "B", "second body of text", "/k/b");
          archive.copies().store(a, print, bands);
          assertThat(archive.copies().candidates(bands))
              .containsExactly(new CopyRepository.Candidate(a, print, null));
          archive.copies().store(b, print, bands);
          archive.copies().link(new CopyRepository.Link(b, a, 1, 1));
          assertThat(archive.copies().candidates(bands))
              .containsExactly(
                  new CopyRepository.Candidate(a, print, null),
                  new CopyRepository.Candidate(b, print, a));
          // a new version of a's body: its fingerprint is the new one, under its old bands too
          archive.copies().refresh(a, other);
          assertThat(archive.copies().candidates(bands))
              .containsExactly(
                  new CopyRepository.Candidate(a, other, null),
                  new CopyRepository.Candidate(b, print, a));
          return null;
        });
    // and the next transaction reads what was committed
    archive.write(
        () -> {
          assertThat(archive.copies().candidates(bands)).hasSize(2);
          return null;
        });
    archive.close();
  }

  @Test
  void linksWrittenTogetherAreEachReadBackAndSeenByALookUp() {
    Archive archive = Archive.open(dir.resolve("links.db"));
    // more than one statement's worth, and not a whole number of them
    int copies = CopyRepository.LINKS_PER_INSERT + 7;
    Fingerprint print = Fingerprint.of("the pilots of the harbour asked for a second boat today");
    long[] bands = Copies.bands(print);
    long[] ids = new long[copies + 1];
    archive.write(
        () -> {
          for (int i = 0; i <= copies; i++) {
            ids[i] = insert(archive, "L" + i, "body of text number " + i, "/l/" + i);
          }
          archive.copies().store(ids[0], print, bands);
          List<CopyRepository.Link> links = new java.util.ArrayList<>();
          for (int i = 1; i <= copies; i++) {
            links.add(new CopyRepository.Link(ids[i], ids[0], 0.5 + i / 1000.0, 0.9));
          }
          archive.copies().linkAll(links);
          // a copy stored after its link is a candidate that names its original
          archive.copies().store(ids[1], print, bands);
          assertThat(archive.copies().candidates(bands))
              .containsExactly(
                  new CopyRepository.Candidate(ids[0], print, null),
                  new CopyRepository.Candidate(ids[1], print, ids[0]));
          return null;
        });
    List<CopyRepository.Link> read = archive.copies().copiesOf(ids[0]);
    assertThat(read).hasSize(copies);
    for (int i = 1; i <= copies; i++) {
      assertThat(read.get(i - 1))
          .isEqualTo(new CopyRepository.Link(ids[i], ids[0], 0.5 + i / 1000.0, 0.9));
    }
    archive.close();
  }

  @Test
  void anImportStoresNoBandRowThatNoLookupWouldSee() throws Exception {
    Archive archive = Archive.open(dir.resolve("heads.db"));
    Fingerprint print = Fingerprint.of("the ferry operators asked for new berths at the quay");
    long[] bands = Copies.bands(print);
    for (int batch = 0; batch < 4; batch++) {
      int first = batch * 10;
      archive.write(
          () -> {
            archive.beginBulkWrite();
            for (int i = first + 1; i <= first + 10; i++) {
              archive.copies().candidates(bands);
              long id = insert(archive, "Minutes " + i, "Minutes of meeting " + i, "/h/" + i);
              archive.copies().store(id, print, bands);
            }
            return null;
          });
    }
    archive.bulkWriteDone();
    assertThat(archive.copies().candidates(bands))
        .extracting(CopyRepository.Candidate::id)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
    archive.close();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("heads.db"));
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FROM (SELECT article_id FROM lsh_bands WHERE band = "
                    + bands[0]
                    + " UNION ALL SELECT article_id FROM lsh_recent WHERE band = "
                    + bands[0]
                    + ")")) {
      assertThat(rs.getLong(1)).isEqualTo(CopyRepository.PER_BAND);
    }
  }

  @Test
  void anImportNoticesWhatAnotherProcessChangedBetweenItsBatches() throws Exception {
    Path db = dir.resolve("other.db");
    Archive archive = Archive.open(db);
    Fingerprint print = Fingerprint.of("the ferry operators asked for new berths at the quay");
    long[] bands = Copies.bands(print);
    long a =
        archive.write(
            () -> {
              archive.beginBulkWrite();
              long id = insert(archive, "A", "first body of text", "/o/a");
              archive.copies().store(id, print, bands);
              assertThat(archive.copies().candidates(bands)).hasSize(1);
              return id;
            });
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var st = c.createStatement()) {
      st.executeUpdate("DELETE FROM articles WHERE id = " + a);
    }
    archive.write(
        () -> {
          assertThat(archive.copies().candidates(bands)).isEmpty();
          return null;
        });
    archive.close();
  }

  @Test
  void anImportsCachesGiveWhatTheBandRowsSayThroughGenerationsAndRestarts() {
    Archive archive = Archive.open(dir.resolve("generations.db"));
    // generations of the band heads' first size, and a signature cache that fills: the bands of
    // the first batches are forgotten, moved between generations or read again
    archive.copies().headsLimit = CopyRepository.HEADS_FIRST;
    archive.copies().limitSignatures(150);
    java.util.Random random = new java.util.Random(7);
    Fingerprint[] prints = new Fingerprint[3];
    for (int p = 0; p < prints.length; p++) {
      prints[p] = Fingerprint.of("Minutes of the harbour board, meeting " + p + ", on the quay.");
    }
    // what the band rows say, kept here: the ids of each band, in order
    java.util.Map<Long, java.util.List<Long>> rows = new java.util.HashMap<>();
    int articles = 1_000;
    int perBatch = 50;
    for (int from = 1; from <= articles; from += perBatch) {
      int first = from;
      archive.write(
          () -> {
            archive.beginBulkWrite();
            for (int i = first; i < first + perBatch; i++) {
              Fingerprint print = prints[i % prints.length];
              // a few bands that many articles share, some that a few share now and then, the rest
              // new
              long[] bands = new long[Copies.BANDS];
              for (int b = 0; b < Copies.BANDS; b++) {
                int kind = random.nextInt(10);
                bands[b] =
                    kind == 0
                        ? BandFilter.mix(1 + random.nextInt(8))
                        : kind < 3
                            ? BandFilter.mix(100 + random.nextInt(2_000))
                            : kind < 5
                                ? BandFilter.mix(10_000 + random.nextInt(3_000))
                                : BandFilter.mix(1_000_000L + i * 64L + b);
              }
              java.util.TreeSet<Long> expected = new java.util.TreeSet<>();
              for (long b : bands) {
                java.util.List<Long> ids = rows.getOrDefault(b, List.of());
                expected.addAll(ids.subList(0, Math.min(ids.size(), CopyRepository.PER_BAND)));
              }
              assertThat(archive.copies().candidates(bands))
                  .as("article %d", i)
                  .extracting(CopyRepository.Candidate::id)
                  .containsExactlyElementsOf(expected);
              long id = insert(archive, "Minutes " + i, "Minutes of meeting " + i, "/g/" + i);
              archive.copies().refreshAll(new long[] {id}, List.of(print));
              // refreshAll stores the print's own bands; these are stored beside them (a band may
              // come twice)
              archive.copies().store(id, print, bands);
              for (long b :
                  java.util.stream.LongStream.concat(
                          java.util.Arrays.stream(bands),
                          java.util.Arrays.stream(Copies.bands(print)))
                      .toArray()) {
                java.util.List<Long> ids =
                    rows.computeIfAbsent(b, k -> new java.util.ArrayList<>());
                if (!ids.contains(id)) {
                  ids.add(id);
                }
              }
            }
            return null;
          });
    }
    archive.bulkWriteDone();
    archive.close();
  }

  /** Stores a text article; call inside {@link Archive#write}. */
  private static long insert(Archive archive, String title, String body, String path) {
    Extracted x =
        new Extracted(
            title, null, List.of(), null, null, null, null, null, body, List.of(), "text");
    return archive
        .articles()
        .insert(
            NewArticle.of(x, body.getBytes(StandardCharsets.UTF_8), path, List.of()),
            "2024-01-01T00:00:00Z");
  }
}
