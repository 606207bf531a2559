package dossier.store;

import dossier.query.CompiledQuery;
import dossier.query.PersonState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts over the articles that match a query: totals, tags, sources, months. */
public final class StatsRepository {
  /** A name and how many articles have it. */
  public record Count(String name, long count) {}

  /** Everything {@code dossier stats} shows. */
  public record Stats(
      long articles,
      long words,
      long tagged,
      long starred,
      long noted,
      String first,
      String last,
      long undated,
      Map<String, Long> statuses,
      List<Count> tags,
      List<Count> sources,
      List<Count> months) {}

  /**
   * The day an article counts under: its publication date. Undated articles are counted apart,
   * never under their import date.
   */
  private static final String DAY = "a.published";

  private final Archive archive;

  public StatsRepository(Archive archive) {
    this.archive = archive;
  }

  /**
   * Stats of the articles matching {@code q}, with the {@code top} most common tags and sources.
   */
  public Stats stats(CompiledQuery q, int top) {
    // on a server, the session's person's (see PersonState)
    boolean pg = archive.engine() == Engine.POSTGRES;
    String statusSql = PersonState.read("status", pg);
    String starredSql = PersonState.read("starred", pg);
    try {
      long articles;
      long words;
      long tagged;
      long starred;
      long noted;
      String first;
      String last;
      long undated;
      StringBuilder sql =
          new StringBuilder(
              "SELECT count(*), coalesce(sum(a.word_count), 0), coalesce(sum("
                  + starredSql
                  + "), 0), coalesce(sum(CASE WHEN a.note IS NOT NULL AND a.note <> '' THEN 1 ELSE 0 END), 0),"
                  + " coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id ="
                  + " a.id) THEN 1 ELSE 0 END), 0), min(substr("
                  + DAY
                  + ", 1, 10)), max(substr("
                  + DAY
                  + ", 1, 10)), coalesce(sum(CASE WHEN a.published IS NULL THEN 1 ELSE 0 END), 0)"
                  + " FROM articles a");
      List<Object> params = new ArrayList<>();
      ArticleRepository.appendFilter(archive.engine(), sql, params, q);
      try (PreparedStatement st = archive.connection().prepareStatement(sql.toString())) {
        ArticleRepository.bind(st, params);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          articles = rs.getLong(1);
          words = rs.getLong(2);
          starred = rs.getLong(3);
          noted = rs.getLong(4);
          tagged = rs.getLong(5);
          first = rs.getString(6);
          last = rs.getString(7);
          undated = rs.getLong(8);
        }
      }
      Map<String, Long> statuses = new LinkedHashMap<>();
      for (String s : List.of("new", "read", "reviewed", "archived")) {
        statuses.put(s, 0L);
      }
      for (Count c :
          counts("SELECT " + statusSql + ", count(*) FROM articles a", " GROUP BY 1", q, -1)) {
        statuses.put(c.name(), c.count());
      }
      List<Count> tags =
          counts(
              "SELECT t.name, count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id"
                  + " WHERE x.article_id IN (SELECT a.id FROM articles a",
              ") GROUP BY t.id ORDER BY 2 DESC, t.key",
              q,
              top);
      List<Count> sources =
          counts(
              "SELECT a.source, count(*) FROM articles a",
              " AND a.source IS NOT NULL AND a.source <> ''"
                  + " GROUP BY a.source ORDER BY 2 DESC, "
                  + archive.engine().nocase("a.source"),
              q,
              top);
      List<Count> months =
          counts(
              "SELECT substr(" + DAY + ", 1, 7) AS m, count(*) FROM articles a",
              " AND a.published IS NOT NULL GROUP BY m ORDER BY m",
              q,
              -1);
      return new Stats(
          articles, words, tagged, starred, noted, first, last, undated, statuses, tags, sources,
          months);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot count articles", e), e);
    }
  }

  private List<Count> counts(String head, String tail, CompiledQuery q, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder(head);
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(archive.engine(), sql, params, q);
    sql.append(tail);
    if (limit > 0) {
      sql.append(" LIMIT ?");
      params.add((long) limit);
    }
    List<Count> out = new ArrayList<>();
    try (PreparedStatement st = archive.connection().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Count(rs.getString(1), rs.getLong(2)));
        }
      }
    }
    return out;
  }
}
