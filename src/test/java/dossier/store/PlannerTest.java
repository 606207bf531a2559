package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.query.CompiledQuery.Access;
import dossier.store.ArticleRepository.Plan;
import dossier.store.Planner.Form;
import org.junit.jupiter.api.Test;

/** The planner's choices from counts alone, without an archive. */
class PlannerTest {
  private final Planner p = Planner.DEFAULT;

  @Test
  void wordsWithoutAFilterAreAnsweredByTheIndexAlone() {
    assertThat(p.trySet(false, 1_000_000, Access.DATE, false)).isFalse();
    assertThat(Planner.plan(false, false, false)).isEqualTo(Plan.INDEX_ONLY);
  }

  @Test
  void theFilterSetIsTriedOnlyWhenItCanPayOff() {
    // few matches: looking each one up is cheap whatever the filter
    assertThat(p.trySet(true, 2_000, Access.DATE, false)).isFalse();
    assertThat(p.trySet(true, 2_001, Access.DATE, false)).isTrue();
    // no index finds the filter's articles: collecting them reads every article
    assertThat(p.trySet(true, 1_000_000, Access.SCAN, false)).isFalse();
    assertThat(p.trySet(true, 1_000_000, Access.ID, false)).isTrue();
    assertThat(p.trySet(true, 1_000_000, Access.INDEX, false)).isTrue();
    // an interrupted statement may end the write transaction it runs in
    assertThat(p.trySet(true, 1_000_000, Access.DATE, true)).isFalse();
  }

  @Test
  void theSetIsUsedWhenItsCollectionFinishesWithinTheBudget() {
    assertThat(Planner.plan(true, true, true)).isEqualTo(Plan.FILTER_SET);
    assertThat(Planner.plan(true, true, false)).isEqualTo(Plan.EACH_MATCH);
    assertThat(Planner.plan(true, false, false)).isEqualTo(Plan.EACH_MATCH);
    // 24 steps a match, in batches of 1,000 steps; never less than one batch
    assertThat(p.setBudget(100_000)).isEqualTo(2_400);
    assertThat(p.setBudget(10)).isEqualTo(1);
    assertThat(new Planner(100, 1_000).setBudget(300)).isEqualTo(300);
  }

  @Test
  void tagsAloneWalkTheNewestFirstWhenTheyAreBig() {
    // a tag of 1,000 among a million articles: look its articles up and sort them
    assertThat(Planner.form(1_000, 1_000_000, false, Access.SCAN, 0)).isEqualTo(Form.SETS);
    // a tag of 100,000 among a million: a page of it is found walking newest first
    Form big = Planner.form(100_000, 1_000_000, false, Access.SCAN, 0);
    assertThat(big.page()).isTrue();
    assertThat(big.probe()).isTrue();
    assertThat(big.count()).isFalse();
    assertThat(big.walk()).isFalse();
  }

  @Test
  void otherConditionsWithoutAnIndexLeaveTheTagsToFindTheArticles() {
    assertThat(Planner.form(10, 1_000_000, true, Access.SCAN, 0)).isEqualTo(Form.SETS);
  }

  @Test
  void aSmallDateRangeBesideABigTagIsFoundByTheDateIndexAndSorted() {
    // 50 articles in the range, 200,000 tagged: the range finds them
    Form f = Planner.form(200_000, 1_000_000, true, Access.DATE, 50);
    assertThat(f).isEqualTo(new Form(true, true, true, false, false));
    // the same through the status index: no order to break, since that index gives none
    assertThat(Planner.form(200_000, 1_000_000, true, Access.INDEX, 50))
        .isEqualTo(new Form(true, true, false, false, false));
  }

  @Test
  void aBigDateRangeBesideABigTagWalksTheNewestFirst() {
    long tagged = 200_000;
    long bound = Planner.restBound(tagged);
    assertThat(bound).isEqualTo(2_400_000);
    // the range is as big as the bound: counted through the tags, the page walked newest first
    Form f = Planner.form(tagged, 1_000_000, true, Access.DATE, bound);
    assertThat(f).isEqualTo(new Form(false, true, false, true, true));
  }

  @Test
  void aSmallTagBesideABigRangeIsFoundThroughTheTag() {
    Form f = Planner.form(100, 1_000_000, true, Access.DATE, Planner.restBound(100));
    assertThat(f).isEqualTo(Form.SETS);
    // but counted through the range when the range holds fewer than twelve per tagged article
    assertThat(Planner.form(100, 1_000_000, true, Access.DATE, 500).count()).isTrue();
  }

  @Test
  void commonWordsAreRankedShortestFirst() {
    long from = Planner.SHORT_FIRST_MATCHES;
    assertThat(Planner.shortFirst(157_590, 20, from)).isTrue();
    // few matches: scoring them all costs less than any walk
    assertThat(Planner.shortFirst(from - 1, 20, from)).isFalse();
    // a page that holds every match scores every match anyway
    assertThat(Planner.shortFirst(5_000, 5_000, 1)).isFalse();
    // a page deep down the list, or all of it (0)
    assertThat(Planner.shortFirst(157_590, 1_001, from)).isFalse();
    assertThat(Planner.shortFirst(157_590, 0, from)).isFalse();
  }

  @Test
  void theFirstWalkHoldsEightPagesAtTheMatchesShare() {
    // a word in 16% of a million articles: 1,000 articles hold about 160 of its matches
    assertThat(Planner.firstWalk(20, 160_000, 1_000_000)).isEqualTo(1_000 + 64);
    // a rarer one needs a longer walk, never longer than the archive
    assertThat(Planner.firstWalk(20, 2_000, 1_000_000)).isEqualTo(80_000 + 64);
    assertThat(Planner.firstWalk(20, 30, 1_000)).isEqualTo(1_000);
  }

  @Test
  void matchesBesideAFilterAreExpectedAtTheFiltersShare() {
    // velmora date:2010 at a million: 157,590 matches, 40,000 articles dated 2010
    assertThat(Planner.filtered(157_590, 40_000, 1_000_000)).isEqualTo(6_304);
    // a filter whose articles were not counted (a big tag): every match may pass it
    assertThat(Planner.filtered(16_830, -1, 1_000_000)).isEqualTo(16_830);
    assertThat(Planner.filtered(100, 5_000, 1_000)).isEqualTo(100);
    // one match in 25 passing the date: every one of them is scored; a big tag's, walked
    assertThat(Planner.walkBesideFilter(6_304, 157_590)).isFalse();
    assertThat(Planner.walkBesideFilter(16_830, 16_830)).isTrue();
  }

  @Test
  void aWalkThatFoundTooFewGrowsToTwiceWhatWouldHaveSufficed() {
    assertThat(Planner.widen(300, 0, 20)).isEqualTo(2_400);
    assertThat(Planner.widen(300, 5, 20)).isEqualTo(2_400);
    assertThat(Planner.widen(300, 19, 20)).isEqualTo(632);
    assertThat(Planner.walkCap(10_000)).isEqualTo(40_000);
  }
}
