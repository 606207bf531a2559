package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkdownExtractorTest {
  private static Extracted md(String s) {
    return Extractors.extract(s.getBytes(StandardCharsets.UTF_8), "clip.md", Format.AUTO);
  }

  @Test
  void frontMatterSynonymsAndLists() {
    Extracted x =
        md(
            "---\nheadline: 'Pilots strike: day two'\npublished: 2025-01-15\n"
                + "authors: [Ines Morrow, Karl Vesey]\nkeywords: ports, labour\nsource_url:"
                + " https://gazette.example/p\n---\nThe strike went into its second day.\n");
    assertThat(x.title()).isEqualTo("Pilots strike: day two");
    assertThat(x.published()).isEqualTo("2025-01-15");
    assertThat(x.authors()).containsExactly("Ines Morrow", "Karl Vesey");
    assertThat(x.suggestedTags()).containsExactly("ports", "labour");
    assertThat(x.url()).isEqualTo("https://gazette.example/p");
    assertThat(x.body()).isEqualTo("The strike went into its second day.");
  }

  @Test
  void brokenFrontMatterStillGivesTheText() {
    Extracted x = md("---\ntitle: [unclosed\n---\n# Ferry news\n\nThe ferry runs again.\n");
    assertThat(x.title()).isEqualTo("Ferry news");
    assertThat(x.body()).isEqualTo("The ferry runs again.");
  }

  @Test
  void markupIsRemovedAndCodeKept() {
    Extracted x =
        md(
            "# Notes\n\n"
                + "See [the report](https://x.example/r) and ![chart](c.png) for *details* and"
                + " **numbers**.\n\n"
                + "```\n"
                + "flow = 260\n"
                + "```\n\n"
                + "1. first\n"
                + "2. second\n");
    assertThat(x.title()).isEqualTo("Notes");
    assertThat(x.body())
        .isEqualTo("See the report and for details and numbers.\n\nflow = 260\n\nfirst\n\nsecond");
  }

  @Test
  void commonMarkRulesMultiLineLinksEscapesAndSetextHeadings() {
    Extracted x =
        md(
            "Ferry winter timetable\n======================\n\nThe company [published its"
                + "\nwinter timetable](https://ferry.example/winter) on Tuesday, with 2 \\*"
                + " 3 fewer sailings\\_a day.\n\nThe changes\n-----------\n\n1. the early boat"
                + " is dropped\n2. the last boat leaves later\n");
    assertThat(x.title()).isEqualTo("Ferry winter timetable");
    assertThat(x.provenance()).containsEntry("title", "first heading");
    assertThat(x.body().split("\n\n"))
        .containsExactly(
            "The company published its winter timetable on Tuesday, with 2 * 3 fewer"
                + " sailings_a day.",
            "The changes",
            "the early boat is dropped",
            "the last boat leaves later");
    assertThat(x.markdown())
        .startsWith("The company [published its")
        .contains("The changes\n-----------", "1. the early boat is dropped")
        .doesNotContain("======");
  }
}
