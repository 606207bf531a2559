package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The furniture phrases asked through {@link AnyOf} answer as their one alternation does, on every
 * line of the project's fixtures, cased and spaced otherwise too; and the text read from a pattern
 * is text each of its matches holds.
 */
class AnyOfTest {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static Pattern alternation(List<Pattern> patterns) {
    StringBuilder b = new StringBuilder();
    for (Pattern p : patterns) {
      b.append(b.length() == 0 ? "" : "|").append("(?:").append(p.pattern()).append(')');
    }
    return Pattern.compile(b.toString(), FLAGS);
  }

  private static List<String> fixtureLines() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        if (Files.size(f) > 200_000) {
          continue;
        }
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          String t = Spaces.collapse(line);
          if (!t.isEmpty() && t.length() <= 300) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  @Test
  void thePhrasesAnswerAsTheirAlternationDoes() throws IOException {
    List<Pattern> phrases = Furniture.PHRASES;
    Pattern all = alternation(phrases);
    AnyOf any = new AnyOf(phrases, FLAGS);
    List<String> lines = fixtureLines();
    List<String> variants = new ArrayList<>();
    for (String l : lines) {
      variants.add(l);
      variants.add(l.toUpperCase(Locale.ROOT));
      variants.add("Read more: " + l);
    }
    // letters that fold to ASCII ones: the long s, the Kelvin sign, the dotted capital I
    variants.addAll(
        List.of("\u017fign up", "\u212Aeep up", "SUPPORTED BY", "Supported \u0130y", "\u0130mage"));
    int matched = 0;
    for (String l : variants) {
      boolean expected = all.matcher(l).matches();
      assertThat(any.matches(l)).as(l).isEqualTo(expected);
      matched += expected ? 1 : 0;
    }
    assertThat(matched).as("lines some phrase matches").isGreaterThan(50);
  }

  @Test
  void patternsWithoutRequiredTextAreStillAsked() {
    AnyOf any =
        new AnyOf(
            List.of(
                Pattern.compile("[\\p{P}\\s]{1,10}", FLAGS), Pattern.compile(".{0,20}quay", FLAGS)),
            FLAGS);
    assertThat(any.matches("* * *")).isTrue();
    assertThat(any.matches("the old QUAY")).isTrue();
    assertThat(any.matches("the old pier")).isFalse();
  }

  @Test
  void requiredTextIsReadFromThePattern() {
    assertThat(RequiredText.of(".{0,200}\\bcontributed (?:reporting )?to this story\\.?"))
        .contains(List.of("contributed "));
    assertThat(RequiredText.of("(?:Ferry )?Fares")).contains(List.of("ferry fares", "fares"));
    assertThat(RequiredText.of("(?:quay|pier) lights?"))
        .contains(List.of("quay light", "pier light"));
    assertThat(RequiredText.of("(?:quay|pier)s?")).contains(List.of("quay", "pier"));
    assertThat(RequiredText.of("(?=.*\\bferry\\b).{1,100}")).contains(List.of("ferry"));
    assertThat(RequiredText.of("harbour \\(c\\)")).contains(List.of("harbour (c)"));
  }

  @Test
  void patternsItCannotReadGiveNoText() {
    for (String p :
        List.of(
            ".*",
            "[abc]+",
            "(?:quay)?",
            "(quay)\\1",
            "\\Qquay\\E",
            "(?x) q u a y",
            "\\x{71}uay",
            "quay|.*",
            "(quay")) {
      assertThat(RequiredText.of(p)).as(p).isEmpty();
    }
  }
}
