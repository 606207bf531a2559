package dossier.store;

import dossier.query.CompiledQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Look-ups behind tag suggestions: similar tagged articles, rule matches, source tags. */
public final class SimilarityRepository {
  /** A tagged article like the one asked about, with its bm25 similarity (higher is closer). */
  public record Neighbor(long id, double score, List<String> tags) {}

  /**
   * A term of the full-text index, the words that the index's tokenizer turns into it, and the
   * number of articles that hold it, counted up to the limit asked for.
   */
  public record Term(String term, List<String> words, long articles) {}

  private static final Pattern TOKENIZE =
      Pattern.compile("tokenize\\s*=\\s*('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")");

  private final Archive archive;
  private boolean termTables;

  SimilarityRepository(Archive archive) {
    this.archive = archive;
  }

  /**
   * The index's terms for {@code words}, each with the words that make it and how many articles
   * hold it, counted up to {@code limit} (a count costs a step per article, and a common word's
   * exact count is not worth it). Each word goes through the tokenizer the index uses (case,
   * diacritics, stemming) in a temporary table of this connection, so a term here is exactly what a
   * query for its words looks up. Words that make no term are left out; the order is that of each
   * term's first word.
   */
  public List<Term> terms(List<String> words, int limit) {
    if (words.isEmpty()) {
      return List.of();
    }
    boolean pg = archive.onServer();
    Connection c = archive.connection();
    try {
      Map<String, List<String>> byTerm = new LinkedHashMap<>();
      try (ResultSet rs = pg ? pgWordTerms(c, words) : wordTerms(c, words)) {
        while (rs.next()) {
          List<String> ws = byTerm.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          String w = words.get(rs.getInt(2));
          if (!ws.contains(w)) {
            ws.add(w);
          }
        }
      }
      List<Term> out = new ArrayList<>();
      // on PostgreSQL the term as a tsquery as it is: a lexeme, stemmed already
      try (PreparedStatement st =
          c.prepareStatement(
              pg
                  ? "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE a.fts @@ CAST(? AS"
                      + " tsquery) LIMIT ?) x"
                  : "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?"
                      + " LIMIT ?)")) {
        st.setInt(2, limit);
        for (Map.Entry<String, List<String>> e : byTerm.entrySet()) {
          st.setString(
              1, pg ? "'" + e.getKey().replace("'", "''") + "'" : quote(e.getValue().get(0)));
          try (ResultSet rs = st.executeQuery()) {
            long n = rs.next() ? rs.getLong(1) : 0;
            out.add(new Term(e.getKey(), List.copyOf(e.getValue()), n));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up the index's terms", e), e);
    }
  }

  /**
   * Each term the FTS5 tokenizer makes of {@code words}, with the word's index, in the words'
   * order. The result set closes its statement.
   */
  private ResultSet wordTerms(Connection c, List<String> words) throws SQLException {
    prepareTermTables(c);
    try (Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM temp.suggest_words");
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO temp.suggest_words(rowid, w) SELECT key, value FROM json_each(?)")) {
      st.setString(1, jsonArray(words));
      st.executeUpdate();
    }
    Statement st = c.createStatement();
    st.closeOnCompletion();
    return st.executeQuery("SELECT term, doc FROM temp.suggest_words_terms ORDER BY doc, offset");
  }

  /**
   * {@link #wordTerms} on PostgreSQL: each word's lexemes as the index's own {@code dossier_words}
   * makes them.
   */
  private static ResultSet pgWordTerms(Connection c, List<String> words) throws SQLException {
    PreparedStatement st =
        c.prepareStatement(
            "SELECT t.lexeme, j.n - 1 FROM json_array_elements_text(CAST(? AS json)) WITH"
                + " ORDINALITY j(w, n), unnest(dossier_words(j.w)) t ORDER BY j.n");
    st.closeOnCompletion();
    st.setString(1, jsonArray(words));
    return st.executeQuery();
  }

  /** About how many articles the archive holds: the highest id (ids are never reused). */
  public long articleCountEstimate() {
    try (PreparedStatement st =
            archive.connection().prepareStatement("SELECT coalesce(max(id), 0) FROM articles");
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot count articles", e), e);
    }
  }

  /**
   * The connection's temporary tables behind {@link #terms}: one to tokenize words in, with the
   * full-text index's own tokenizer, and its vocabulary (which term each word made).
   */
  private void prepareTermTables(Connection c) throws SQLException {
    if (termTables) {
      return;
    }
    String tokenize = "";
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'")) {
      if (rs.next() && rs.getString(1) != null) {
        Matcher m = TOKENIZE.matcher(rs.getString(1));
        if (m.find()) {
          tokenize = ", tokenize = " + m.group(1);
        }
      }
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE VIRTUAL TABLE IF NOT EXISTS temp.suggest_words USING fts5(w" + tokenize + ")");
      st.executeUpdate(
          "CREATE VIRTUAL TABLE IF NOT EXISTS temp.suggest_words_terms"
              + " USING fts5vocab(temp, suggest_words, instance)");
    }
    termTables = true;
  }

  /** A word as an FTS5 string, so that any text is safe in a MATCH. */
  private static String quote(String w) {
    return "\"" + w.replace("\"", "\"\"") + "\"";
  }

  static String jsonArray(java.util.Collection<String> words) {
    StringBuilder b = new StringBuilder("[");
    for (String w : words) {
      if (b.length() > 1) {
        b.append(',');
      }
      appendJsonString(b, w);
    }
    return b.append(']').toString();
  }

  /** Appends {@code w} as a JSON string. */
  static void appendJsonString(StringBuilder b, String w) {
    b.append('"');
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    b.append('"');
  }

  /**
   * The {@code k} tagged articles that best match any of {@code words}, other than {@code
   * excludeId}. Each word is quoted for FTS5, so any text is safe here.
   */
  public List<Neighbor> similarTagged(List<String> words, long excludeId, int k) {
    if (words.isEmpty()) {
      return List.of();
    }
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(archive.onServer() ? "'" + w.replace("'", "''") + "'" : quote(w));
    }
    String match = String.join(archive.onServer() ? " | " : " OR ", quoted);
    String sql =
        archive.onServer()
            ? "SELECT a.id, "
                + ArticleRepository.PG_RANK
                + " AS s, (SELECT "
                + archive.engine().lines("t.name")
                + " FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id)"
                + " AS tags FROM articles a WHERE a.fts @@ to_tsquery('dossier', ?) AND a.id <> ?"
                + " AND EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id) ORDER BY s"
                + " DESC, a.id LIMIT ?"
            : "SELECT f.rowid, -bm25(articles_fts, "
                + Ranking.WEIGHTS
                + ") AS s,"
                + " (SELECT "
                + archive.engine().lines("t.name")
                + " FROM article_tags x JOIN tags t ON t.id ="
                + " x.tag_id WHERE x.article_id = f.rowid) AS tags FROM articles_fts f WHERE"
                + " articles_fts MATCH ? AND f.rowid <> ? AND EXISTS (SELECT 1 FROM article_tags x"
                + " WHERE x.article_id = f.rowid) ORDER BY bm25(articles_fts, "
                + Ranking.WEIGHTS
                + ") LIMIT ?";
    List<Neighbor> out = new ArrayList<>();
    try (PreparedStatement st = archive.connection().prepareStatement(sql)) {
      int p = 1;
      st.setString(p++, match);
      if (archive.onServer()) {
        st.setString(p++, match);
      }
      st.setLong(p++, excludeId);
      st.setInt(p, k);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String t = rs.getString(3);
          out.add(
              new Neighbor(
                  rs.getLong(1),
                  rs.getDouble(2),
                  t == null ? List.of() : Arrays.asList(t.split("\n"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot find similar articles", e), e);
    }
  }

  /** True when the article matches the query. */
  public boolean matches(CompiledQuery q, long id) {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM articles a");
    List<Object> params = new ArrayList<>();
    ArticleRepository.appendFilter(archive.engine(), sql, params, q);
    sql.append(" AND a.id = ?");
    params.add(id);
    try (PreparedStatement st = archive.connection().prepareStatement(sql.toString())) {
      ArticleRepository.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot match rule", e), e);
    }
  }

  /** Tags the source itself proposed ("Tags:" lines, keywords), as stored on import. */
  public List<String> sourceTags(long id) {
    try (PreparedStatement st =
        archive.connection().prepareStatement("SELECT suggested_tags FROM articles WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null || rs.getString(1).isEmpty()) {
          return List.of();
        }
        return Arrays.asList(rs.getString(1).split("\n"));
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read article " + id, e), e);
    }
  }

  /** True when at least one article has a tag. */
  public boolean anyTagged() {
    try (PreparedStatement st =
            archive.connection().prepareStatement("SELECT EXISTS (SELECT 1 FROM article_tags)");
        ResultSet rs = st.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read tags", e), e);
    }
  }
}
