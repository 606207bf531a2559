package dossier.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  /** A made-up wire story of twelve paragraphs, each its own sentence. */
  static List<String> story(String topic, int seed) {
    String[] subjects = {
      "The council",
      "A spokesman",
      "Residents",
      "The minister",
      "Engineers",
      "Local traders",
      "The mayor",
      "Police",
      "Campaigners",
      "The operator",
      "Officials",
      "Witnesses"
    };
    String[] verbs = {"said", "warned", "argued", "confirmed", "denied", "suggested"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int k = (i * 7 + seed) % subjects.length;
      out.add(
          subjects[k]
              + " "
              + verbs[(i + seed) % verbs.length]
              + " on day "
              + (i + seed)
              + " that the "
              + topic
              + " plan number "
              + (seed * 13 + i)
              + " would change how the district of "
              + topic
              + "ville handles its "
              + (i * seed + 3)
              + " outstanding cases before the next session.");
    }
    return out;
  }

  static String text(List<String> paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  @Test
  void theSameTextIsOneFingerprintAndSurvivesStorage() {
    Fingerprint a = Fingerprint.of(text(story("harbour", 1)));
    Fingerprint b = Fingerprint.of(text(story("harbour", 1)).toUpperCase());
    assertThat(a).isEqualTo(b);
    assertThat(a.resemblance(b)).isEqualTo(1.0);
    assertThat(Fingerprint.fromBytes(a.bytes())).isEqualTo(a);
    assertThat(a.bytes()).hasSize(Fingerprint.BYTES);
    assertThatThrownBy(() -> Fingerprint.fromBytes(new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTrimmedCopyIsContainedThoughNotEqual() {
    List<String> full = story("railway", 2);
    Fingerprint original = Fingerprint.of(text(full));
    Fingerprint trimmed = Fingerprint.of(text(full.subList(0, 5)));
    assertThat(original.resemblance(trimmed)).isLessThan(Copies.RESEMBLANCE);
    assertThat(original.containment(trimmed)).isGreaterThan(0.8);
    assertThat(Copies.isCopy(original, trimmed)).isTrue();
    assertThat(Copies.isCopy(trimmed, original)).isTrue();
  }

  @Test
  void aCopyWithAnIntroASignOffAndReorderedParagraphsIsACopy() {
    List<String> full = story("airport", 3);
    List<String> edited = new ArrayList<>(full);
    edited.add(0, "From the Valley Post newsroom:");
    edited.add(edited.remove(4));
    edited.add("Copyright Valley Post. All rights reserved.");
    edited.set(7, edited.get(7).replace("said", "says"));
    Fingerprint a = Fingerprint.of(text(full));
    Fingerprint b = Fingerprint.of(text(edited));
    assertThat(Copies.isCopy(a, b)).isTrue();
    long[] ba = Copies.bands(a);
    long[] bb = Copies.bands(b);
    int shared = 0;
    for (int i = 0; i < Copies.BANDS; i++) {
      shared += ba[i] == bb[i] ? 1 : 0;
    }
    assertThat(shared).as("bands that find the copy").isPositive();
  }

  @Test
  void anotherStoryOnTheSameTopicIsNoCopy() {
    Fingerprint a = Fingerprint.of(text(story("harbour", 1)));
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      other.add(
          "Boats waiting outside the harbour on day "
              + i
              + " were told by the pilots that"
              + " the tide would turn late, and crews number "
              + (i * 3)
              + " stayed aboard.");
    }
    Fingerprint b = Fingerprint.of(text(other));
    assertThat(a.resemblance(b)).isLessThan(0.1);
    assertThat(Copies.isCopy(a, b)).isFalse();
  }

  @Test
  void anEmptyOrTinyTextIsNobodysCopy() {
    Fingerprint empty = Fingerprint.of("");
    assertThat(empty.shingles()).isZero();
    assertThat(Copies.isCopy(empty, empty)).isFalse();
    Fingerprint tiny = Fingerprint.of("Officials said on day 4 that the harbour plan");
    Fingerprint full = Fingerprint.of(text(story("harbour", 1)));
    assertThat(Copies.isCopy(tiny, full)).isFalse();
  }

  @Test
  void accentsAndApostrophesDoNotSplitOrChangeWords() {
    assertThat(Fingerprint.of("Le café de l’été a fermé ses portes hier soir"))
        .isEqualTo(Fingerprint.of("LE CAFE DE L'ETE A FERME SES PORTES HIER SOIR"));
  }

  @Test
  void theCharactersLeftUnnormalizedAreTheirOwnCanonicalDecomposition() {
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (Fingerprint.keptByNfd(c)) {
        String s = String.valueOf(c);
        assertThat(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD))
            .as("U+%04X", (int) c)
            .isEqualTo(s);
        int type = Character.getType(c);
        assertThat(
                type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK)
            .as("U+%04X is a mark", (int) c)
            .isFalse();
      }
    }
  }

  @Test
  void aTextWithCurlyQuotesAndPoundsHashesAsItsNormalizedSelf() {
    String body =
        "\u201cThe \u00a3900m deal\u201d \u2013 it\u2019s done\u2026 Caf\u00e9 owners said"
            + " the pound\u00b0 fell by 2%.";
    String plain = body.replace("Caf\u00e9", "Cafe");
    assertThat(Fingerprint.words("Caf\u00e9 owners")).isEqualTo(Fingerprint.words("Cafe owners"));
    assertThat(Fingerprint.of(body)).isEqualTo(Fingerprint.of(plain));
    assertThat(Fingerprint.words("\u2018Quoted\u2019 \u00a3 words\u2014here"))
        .isEqualTo(Fingerprint.words("'Quoted' words here"));
  }

  @Test
  void theShingleCountIsTheNumberOfDistinctShingles() {
    String repeated = String.join(" ", story("harbour", 3)).repeat(3);
    for (String body :
        List.of("", "one", "a b c d", repeated, String.join(" ", story("rail", 5)))) {
      assertThat(Fingerprint.of(body).shingles())
          .as(body.length() + " characters")
          .isEqualTo(Fingerprint.shingleHashes(body).length);
    }
    assertThat(Fingerprint.distinct(new long[] {0, 5, 0, 5, -1, 7})).isEqualTo(4);
  }

  @Test
  void aBodyGivenAsItsCharactersGivesTheSameFingerprintAndNamesAndIsLeftAsItWas() {
    String plain = String.join("\n\n", story("the harbour", 3));
    // accents (normalized first), a curly quote and a pound sign (kept as they are)
    String accented =
        "Chloé Dupont of Société Générale said the bank’s offer of £2bn stood. " + plain;
    for (String body : new String[] {plain, accented, "", "One"}) {
      char[] chars = body.toCharArray();
      Fingerprint f = Fingerprint.of(chars);
      Fingerprint g = Fingerprint.of(body);
      assertThat(f.shingles()).isEqualTo(g.shingles());
      assertThat(f.minhash()).isEqualTo(g.minhash());
      assertThat(StoryTerms.of("Chloé Dupont and Yukos", chars))
          .containsExactlyEntriesOf(StoryTerms.of("Chloé Dupont and Yukos", body));
      assertThat(new String(chars)).isEqualTo(body);
    }
    assertThat(Fingerprint.of((char[]) null).shingles()).isZero();
    assertThat(StoryTerms.of("Talks with Yukos", (char[]) null))
        .containsOnlyKeys("yukos")
        .isEqualTo(StoryTerms.of("Talks with Yukos", (String) null));
  }
}
