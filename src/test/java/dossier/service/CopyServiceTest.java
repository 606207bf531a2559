package dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The words a copy's paragraphs are compared by. */
class CopyServiceTest {
  /** The definition: the lower-case form split at every run of what is not a letter or number. */
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static String byRegex(String s) {
    return String.join(" ", NOT_A_WORD.split(s.toLowerCase(Locale.ROOT))).strip();
  }

  @Test
  void wordsAreTheRunsOfLettersAndNumbersInLowerCase() {
    assertThat(CopyService.norm("  The Dam's  cost: £4.75bn (2024)! "))
        .isEqualTo("the dam s cost 4 75bn 2024");
    assertThat(CopyService.norm("")).isEmpty();
    assertThat(CopyService.norm(null)).isEmpty();
    assertThat(CopyService.norm("...")).isEmpty();
  }

  @Test
  void theSameWordsAsSplittingByUnicodeCategories() {
    // letters of several scripts and cases, numbers of every kind, marks, spaces, punctuation,
    // symbols and characters outside the BMP; İ lower-cases to i and a combining dot
    String[] pieces = {
      "a", "Z", "é", "İ", "ß", "Σ", "ǅ", "ʰ", "中", "٣", "²", "Ⅻ", "½", "\u0301", " ", "\n", "\t",
      "-", "'", "’", "…", ".", "€", "😀", "𝐀", "𐐀", "_", "7", "\u00a0"
    };
    Random random = new Random(20261208);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = s.toString();
      assertThat(CopyService.norm(text)).as(text).isEqualTo(byRegex(text));
    }
  }
}
