package dossier.query;

import dossier.core.Extracted;
import dossier.core.Tags;
import dossier.store.Archive;
import dossier.store.ArticleRepository;
import dossier.store.NewArticle;
import dossier.store.Sort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A small archive with known answers: six articles whose words, metadata, tags, states and dates
 * are chosen so that every operator of the query language selects a different set. The clock is
 * fixed at 2024-09-15 12:00 UTC so relative dates have fixed answers.
 */
final class Fixture {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-09-15T12:00:00Z"), ZoneOffset.UTC);

  static final QueryContext CTX =
      new QueryContext(
          name ->
              switch (name.toLowerCase(Locale.ROOT)) {
                case "energy" -> Optional.of("tag:energy OR oil");
                case "recent" -> Optional.of("date:30d..");
                case "both" -> Optional.of("saved:energy saved:recent");
                default -> Optional.empty();
              },
          CLOCK);

  private Fixture() {}

  static Archive build(Path dir) throws SQLException {
    Path db = dir.resolve("fixture.db");
    Archive archive = Archive.open(db);
    archive.write(
        () -> {
          // 1
          add(
              archive,
              "Elections in Ukraine",
              "Voters went to the polls. Oil prices were not discussed.",
              null,
              "The Washington Post",
              List.of("Jane Smith"),
              "2024-08-15",
              "https://www.washingtonpost.com/world/a1",
              "World",
              "en",
              "2024-09-14T08:00:00Z",
              List.of("ukraine", "politics"));
          // 2
          add(
              archive,
              "Oil prices climb",
              "Crude oil prices rose sharply as gas supplies tightened.",
              null,
              "Reuters",
              List.of("Tom Jones"),
              "2024-09-01T10:00:00Z",
              "https://www.reuters.com/markets/a2",
              "Business",
              "en-GB",
              "2024-09-01T00:00:00Z",
              List.of("Ukraine/Energy"));
          // 3
          add(
              archive,
              "Café culture in Paris",
              "A new café opened near the river; the economy of the quarter improves.",
              null,
              "Le Monde",
              List.of("Élise Dubois"),
              "2023-05-02",
              "https://lemonde.fr/a3",
              "Culture",
              "fr",
              "2024-01-10T00:00:00Z",
              List.of());
          // 4
          add(
              archive,
              "Football: Labour of love",
              "Blair and Labour fans watched the match. Economic growth slowed. Oil on the pitch.",
              null,
              "BBC News",
              List.of("Sam Lee"),
              null,
              "https://bbc.co.uk/sport/a4",
              "Sport",
              "en",
              "2024-01-10T00:00:00Z",
              List.of("sport"));
          // 5
          add(
              archive,
              "Gas pipeline deal",
              "Labour ministers signed a deal on natural gas; the prices of oil did not matter.",
              null,
              "BBC News",
              List.of("Sam Lee", "Ann Ray"),
              "2024-09-10",
              "http://news.bbc.co.uk:8080/a5?x=1",
              "Politics",
              "en",
              "2024-01-10T00:00:00Z",
              List.of("energy"));
          // 6
          add(
              archive,
              "Economy outlook",
              "Economists expect an election year boost.",
              "Stock traders",
              null,
              List.of(),
              "2022-01-01",
              null,
              null,
              null,
              "2024-01-10T00:00:00Z",
              List.of("ukrainian"));
          return null;
        });
    // states and notes have their own commands; the fixture sets them directly
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      st.executeUpdate("UPDATE articles SET status = 'read' WHERE id = 1");
      st.executeUpdate("UPDATE articles SET status = 'reviewed', starred = 1 WHERE id = 2");
      st.executeUpdate(
          "UPDATE articles SET status = 'archived', note = 'follow up on the café' WHERE id = 3");
      st.executeUpdate("UPDATE articles SET note = '  ' WHERE id = 4");
    }
    return archive;
  }

  private static void add(
      Archive archive,
      String title,
      String body,
      String caption,
      String source,
      List<String> authors,
      String published,
      String url,
      String section,
      String lang,
      String imported,
      List<String> tags) {
    Extracted x =
        new Extracted(
            title, source, authors, published, url, section, lang, caption, body, List.of(),
            "text");
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    archive
        .articles()
        .insert(
            NewArticle.of(x, raw, "/fixture/" + title, tags.stream().map(Tags::normalize).toList()),
            imported);
  }

  /** The ids of the articles the query selects, in ascending order. */
  static TreeSet<Long> ids(Archive archive, String query) {
    CompiledQuery q = QueryCompiler.compile(query, CTX);
    List<Long> out = new ArrayList<>();
    archive.articles().list(q, Sort.NEWEST, 0, 0, false, a -> out.add(a.id()));
    TreeSet<Long> set = new TreeSet<>(out);
    if (set.size() != out.size()) {
      throw new AssertionError("duplicate rows for " + query + ": " + out);
    }
    long count = archive.articles().count(q);
    if (count != set.size()) {
      throw new AssertionError("count " + count + " but list " + set + " for " + query);
    }
    // each way of finding the matches of words beside a filter, and each form of a filter of tags
    // and other conditions without words, gives the same articles
    for (ArticleRepository.Plan plan : ArticleRepository.Plan.values()) {
      archive.articles().forcePlan(plan);
      try {
        TreeSet<Long> found = new TreeSet<>();
        if (q.hasText()) {
          archive.articles().search(q, 0, 0, h -> found.add(h.article().id()));
        } else {
          archive.articles().list(q, Sort.NEWEST, 0, 0, false, a -> found.add(a.id()));
        }
        if (!found.equals(set) || archive.articles().count(q) != set.size()) {
          throw new AssertionError(
              plan
                  + ": found "
                  + found
                  + ", count "
                  + archive.articles().count(q)
                  + " but list "
                  + set
                  + " for "
                  + query);
        }
      } finally {
        archive.articles().forcePlan(null);
      }
    }
    return set;
  }
}
