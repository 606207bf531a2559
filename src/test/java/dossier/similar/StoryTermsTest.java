package dossier.similar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names an article is about, as story threads count them. */
class StoryTermsTest {
  @Test
  void namesAreRunsOfCapitalisedWordsAndTheirLastWord() {
    assertThat(
            StoryTerms.of(
                "Yukos bid fails",
                "Shares fell. Mikhail Khodorkovsky said Yukos would appeal. Mr Khodorkovsky"
                    + " met Dr. J. K. Rowling and AT&T in O'Neill Park."))
        .containsEntry("yukos", 2)
        // a first word of a sentence capitalised nowhere else is no name
        .doesNotContainKey("mikhail khodorkovsky")
        .containsEntry("khodorkovsky", 2)
        .containsEntry("j k rowling", 1)
        .containsEntry("at&t", 1)
        .containsEntry("o'neill park", 1)
        .doesNotContainKey("shares")
        .doesNotContainKey("mr");
  }

  @Test
  void aFullStopAfterATitleOrAnInitialDoesNotEndTheSentence() {
    // "Mr." and "K." keep the name in one sentence; "Lord." ends none either
    assertThat(StoryTerms.of(null, "Then Lord. Byron spoke to Mrs. Ada K. Lovelace"))
        .containsEntry("byron", 1)
        .containsEntry("ada k lovelace", 1);
    // a longer word ends it: "Parliament" opens the next sentence, named only once inside
    assertThat(StoryTerms.of(null, "They met in Vienna. Parliament sat late"))
        .containsOnlyKeys("vienna");
  }

  @Test
  void lettersPastAsciiAreWordsToo() {
    assertThat(StoryTerms.of(null, "Ángela Müller-Ørsted met the İstanbul mayor."))
        .containsEntry("müller-ørsted", 1)
        .containsKey("i̇stanbul");
  }

  @Test
  void aRunEndsWithItsTextAndAtALowerCaseWord() {
    // the title's last word and the body's first are not one name; "Bank" opens the body and is
    // capitalised inside it too, so it counts
    assertThat(StoryTerms.of("Talks with Vienna", "Bank Austria said the Bank of Vienna agreed."))
        .containsEntry("vienna", 2)
        .containsEntry("bank austria", 1)
        .containsEntry("austria", 1)
        .doesNotContainKey("vienna bank")
        .doesNotContainKey("bank of vienna");
  }
}
