package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of finding the best matches among the shortest articles first. */
class RankingTest {
  /** bm25 of one article as FTS5 computes it, for phrases of weighted counts {@code f}. */
  static double bm25(double[] idf, double[] f, double length, double avgdl) {
    double score = 0;
    for (int i = 0; i < idf.length; i++) {
      score +=
          idf[i]
              * (f[i] * (Ranking.K1 + 1.0))
              / (f[i] + Ranking.K1 * (1 - Ranking.B + Ranking.B * length / avgdl));
    }
    return score;
  }

  @Test
  void theIdfIsFts5sWithItsFloor() {
    assertThat(Ranking.idf(1_000_000, 160_000)).isEqualTo(Math.log(840_000.5 / 160_000.5));
    // a phrase in more than half the rows would get a negative idf: FTS5 makes it tiny instead
    assertThat(Ranking.idf(100, 80)).isEqualTo(1e-6);
  }

  @Test
  void theBoundHoldsForEveryArticleAtLeastThatLongAndAtMostThatFrequent() {
    double[] idf = {1.66, 3.1};
    double[] most = {1, 11};
    for (double length = 0; length < 5_000; length += 7) {
      double bound = Ranking.bound(idf, most, length, 420.5);
      for (double f0 = 0; f0 <= 1; f0++) {
        for (double f1 = 0; f1 <= 11; f1++) {
          for (double longer : new double[] {length, length + 1, length * 3 + 10}) {
            assertThat(bm25(idf, new double[] {f0, f1}, longer, 420.5)).isLessThan(bound);
          }
        }
      }
    }
    // and is tight: a hair above the score of the article that reaches it
    double one = bm25(new double[] {1.66}, new double[] {1}, 300, 420.5);
    assertThat(Ranking.bound(new double[] {1.66}, new double[] {1}, 300, 420.5))
        .isGreaterThan(one)
        .isLessThan(one * (1 + 1e-8));
  }

  @Test
  void aPhraseOfUnknownFrequencyBoundsAtItsCeiling() {
    double[] idf = {2.0};
    assertThat(Ranking.bound(idf, new double[] {Double.POSITIVE_INFINITY}, 100_000, 400))
        .isGreaterThanOrEqualTo(2.0 * (Ranking.K1 + 1));
  }

  @Test
  void theLengthBelowIsTheFirstFromWhichEveryArticleScoresLess() {
    double[] idf = {1.66};
    double[] most = {1};
    double score = bm25(idf, most, 250, 420.5);
    long below = Ranking.lengthBelow(score, idf, most, 420.5);
    assertThat(Ranking.bound(idf, most, below, 420.5)).isLessThan(score);
    assertThat(Ranking.bound(idf, most, below - 1, 420.5)).isGreaterThanOrEqualTo(score);
    // an article of exactly that score's length does not score less than itself
    assertThat(below).isGreaterThan(250);
    assertThat(Ranking.lengthBelow(0, idf, most, 420.5)).isEqualTo(Long.MAX_VALUE);
    // nothing reaches a score above the ceiling: every length is below it
    assertThat(Ranking.lengthBelow(1e9, idf, most, 420.5)).isZero();
  }

  @Test
  void theMostFrequentArticleIsBoundedByTheInstancesLeftOverByTheOthers() {
    // title, body, caption, note: 157,590 articles hold the word once each, in the body
    long[][] once = {{0, 157_590, 0, 0}};
    assertThat(Ranking.maxFrequency(once, once)).isEqualTo(1.0);
    // two titles hold it (3 times in all), and 10 bodies 15 times: at most 2 x 10 + 6
    long[][] docs = {{2, 10, 0, 0}};
    long[][] inst = {{3, 15, 0, 0}};
    assertThat(Ranking.maxFrequency(docs, inst)).isEqualTo(2 * 10.0 + 6);
    // a phrase is held no more often than its rarest token in each column
    long[][] pairDocs = {{0, 100, 0, 0}, {5, 400, 0, 0}};
    long[][] pairInst = {{0, 100, 0, 0}, {5, 900, 0, 0}};
    assertThat(Ranking.maxFrequency(pairDocs, pairInst)).isEqualTo(1.0);
  }

  @Test
  void aTokenThatOneColumnAloneHoldsMatchesThatColumnsArticles() {
    assertThat(Ranking.onlyColumn(new long[] {0, 157_590, 0, 0})).isEqualTo(157_590);
    // in titles and bodies: an article may hold it in both, so the count is not the sum
    assertThat(Ranking.onlyColumn(new long[] {40, 157_590, 0, 0})).isEqualTo(-1);
    assertThat(Ranking.onlyColumn(new long[] {0, 0, 0, 0})).isEqualTo(-1);
    assertThat(Ranking.onlyColumn(new long[] {-1, -1, -1, -1})).isEqualTo(-1);
    assertThat(
            Ranking.maxFrequency(new long[][] {{-1, -1, -1, -1}}, new long[][] {{-1, -1, -1, -1}}))
        .isInfinite();
  }

  @Test
  void onlyPhrasesJoinedByAndAreWalkedShortestFirst() {
    assertThat(Ranking.phrases("\"velmora\"")).containsExactly("velmora");
    assertThat(Ranking.phrases("\"zintara\" AND \"lattice\""))
        .containsExactly("zintara", "lattice");
    assertThat(Ranking.phrases("\"zintara lattice\"")).containsExactly("zintara lattice");
    assertThat(Ranking.phrases("\"say \"\"no\"\" AND go\"")).containsExactly("say \"no\" AND go");
    for (String other :
        List.of(
            "(\"oil\" OR \"gas\")",
            "(\"oil\") NOT (\"gas\")",
            "\"econ\" *",
            "title : \"economy\"",
            "NEAR(\"a\" \"b\")",
            "\"a\" AND",
            "")) {
      assertThat(Ranking.phrases(other)).as(other).isNull();
    }
    assertThat(Ranking.phrases(null)).isNull();
  }

  @Test
  void fts5RecordsAreReadAsSqliteVarints() {
    // FTS5's averages record of 2,127 rows (0x90 0x4f) and a size record (title 6, body 435)
    assertThat(Ranking.varints(new byte[] {(byte) 0x90, 0x4f, 0x06, (byte) 0x83, 0x33, 0, 0}))
        .containsExactly(2127, 6, 435, 0, 0);
    byte[] nine = new byte[9];
    java.util.Arrays.fill(nine, (byte) 0xff);
    assertThat(Ranking.varints(nine)).containsExactly(-1L);
  }
}
