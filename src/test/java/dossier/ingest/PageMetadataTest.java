package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
  private static final String BODY =
      "<article><p>The ferry to the islands was cancelled again on Monday, the third time this"
          + " month, as low water kept the boats in the harbour, the operator said.</p><p>Captains"
          + " say the channel needs dredging, which the port has promised for years.</p></article>";

  private static Extracted page(String head, String body) {
    String html = "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>";
    return Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "p.html", Format.AUTO);
  }

  @Test
  void jsonLdInsideCdataWithGraphAndReferences() {
    String jsonLd =
        "{\"@context\":\"https://schema.org\",\"@graph\":["
            + "{\"@type\":\"Person\",\"@id\":\"#ines\",\"name\":\"Ines Morrow\"},"
            + "{\"@type\":\"NewsMediaOrganization\",\"@id\":\"#org\",\"name\":\"Velm Gazette\"},"
            + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Ferry cancelled again\","
            + "\"author\":{\"@id\":\"#ines\"},\"publisher\":{\"@id\":\"#org\"},"
            + "\"datePublished\":\"2025-02-03T07:30:00+01:00\",\"keywords\":\"ferry, ports\","
            + "\"articleSection\":[\"Local\",\"Transport\"],\"inLanguage\":\"en\"}]}";
    Extracted x =
        page(
            "<title>Ferry cancelled again | Velm Gazette</title>"
                + "<script type=\"application/ld+json\"><![CDATA["
                + jsonLd
                + "]]></script>",
            BODY);
    assertThat(x.title()).isEqualTo("Ferry cancelled again");
    assertThat(x.authors()).containsExactly("Ines Morrow");
    assertThat(x.source()).isEqualTo("Velm Gazette");
    assertThat(x.published()).isEqualTo("2025-02-03T07:30:00+01:00");
    assertThat(x.suggestedTags()).containsExactly("ferry", "ports");
    assertThat(x.section()).isEqualTo("Local");
    assertThat(x.lang()).isEqualTo("en");
    assertThat(x.provenance())
        .containsEntry("title", "json-ld")
        .containsEntry("authors", "json-ld")
        .containsEntry("source", "json-ld")
        .containsEntry("published", "json-ld")
        .containsEntry("section", "json-ld")
        .containsEntry("lang", "json-ld")
        .doesNotContainKeys("url", "caption");
  }

  @Test
  void everyFieldWithAValueSaysWhereItCameFrom() {
    Extracted x =
        page(
            "<title>Ferry cancelled again</title>"
                + "<meta property=\"og:site_name\" content=\"Velm Gazette\">"
                + "<meta property=\"article:section\" content=\"Transport\">"
                + "<meta property=\"article:published_time\" content=\"2025-02-03\">"
                + "<link rel=\"canonical\" href=\"https://velm.example/ferry\">",
            "<article><div class=\"byline\">By Karl Vesey</div><figure><img src=a.jpg>"
                + "<figcaption>The ferry at its berth. Photo: Ada Lind/Velm Gazette</figcaption>"
                + "</figure>"
                + BODY.substring("<article>".length()));
    assertThat(x.provenance())
        .containsEntry("title", "document title")
        .containsEntry("source", "meta og:site_name")
        .containsEntry("section", "meta article:section")
        .containsEntry("published", "meta article:published_time")
        .containsEntry("url", "link rel=canonical")
        .containsEntry("authors", "byline box")
        .containsEntry("caption", "figure caption")
        .doesNotContainKey("lang");
    assertThat(x.caption()).isEqualTo("The ferry at its berth.");
  }

  @Test
  void furnitureNeverBecomesMetadata() {
    Extracted x =
        page(
            "<title>Ferry cancelled again | Karl Vesey | Velm Gazette</title>"
                + "<meta property=\"og:site_name\" content=\"Mac &amp; i\">"
                + "<meta name=\"author\" content=\"Mac &amp; i\">"
                + "<meta property=\"article:section\" content=\"/world/middle_east\">",
            "<nav class=\"flyout\"><figure><img src=n.jpg><figcaption>Top story of the day in"
                + " the menu</figcaption></figure></nav>"
                + "<div class=\"byline\">By Our Foreign Staff</div>"
                + "<span class=\"author\">Karl Vesey</span>"
                + BODY);
    assertThat(x.authors()).as("the site is not its own author").containsExactly("Karl Vesey");
    assertThat(x.section()).as("a URL path is not a section").isNull();
    assertThat(x.caption()).as("a menu's figure is not the article's").isNull();
    assertThat(x.title()).isEqualTo("Ferry cancelled again");
    Extracted y =
        page(
            "<title>Ferry cancelled again | Karl Vesey</title>"
                + "<meta name=\"author\" content=\"Karl Vesey\">",
            "<div class=\"byline\">By Our Foreign Staff</div>" + BODY);
    assertThat(y.title()).as("no byline in the title").isEqualTo("Ferry cancelled again");
    Extracted z =
        page(
            "<title>Ferry cancelled again</title>",
            "<p class=\"byline\">By Our Foreign Staff</p>" + BODY);
    assertThat(z.authors()).as("'Our Foreign Staff' names no one").isEmpty();
  }

  @Test
  void brokenJsonLdFallsBackToMetaTagsAndVisibleByline() {
    Extracted x =
        page(
            "<title>Ferry cancelled again - Velm Gazette</title><script"
                + " type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\":"
                + " </script><meta property=\"og:site_name\" content=\"Velm Gazette\"><meta"
                + " name=\"date\" content=\"2025-02-03\">",
            "<div class=\"byline\">By <a href=\"/a/karl\">Karl Vesey</a>, Transport Correspondent"
                + "</div>"
                + BODY);
    assertThat(x.title()).isEqualTo("Ferry cancelled again");
    assertThat(x.source()).isEqualTo("Velm Gazette");
    assertThat(x.authors()).containsExactly("Karl Vesey");
    assertThat(x.published()).isEqualTo("2025-02-03");
    assertThat(x.body()).doesNotContain("Karl Vesey");
  }

  @Test
  void aUtcTimestampYieldsToThePrintedLocalDay() {
    Extracted x =
        page(
            "<title>Late ferry</title>"
                + "<meta property=\"article:published_time\" content=\"2025-02-03T23:30:00Z\">",
            "<p class=\"article-date\">4 February 2025, 00:30</p>" + BODY);
    assertThat(x.published()).isEqualTo("2025-02-04");
  }

  @Test
  void dateFromTheUrlWhenNothingElseSaysIt() {
    Extracted x =
        page(
            "<title>Ferry</title><link rel=\"canonical\""
                + " href=\"https://gazette.example/2025/02/03/ferry-cancelled\">",
            BODY);
    assertThat(x.published()).isEqualTo("2025-02-03");
    assertThat(x.url()).isEqualTo("https://gazette.example/2025/02/03/ferry-cancelled");
  }
}
