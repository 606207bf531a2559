package dossier.store;

import dossier.core.UrlKey;
import dossier.ingest.WebPage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the archive knows of the web: each fetch of a stored page (addresses, status, response
 * headers), the articles an address already names, and the earlier versions of articles whose page
 * changed.
 */
public final class FetchRepository {
  private final Archive archive;

  FetchRepository(Archive archive) {
    this.archive = archive;
  }

  /** One version of an article; the latest is the article itself. */
  public record Version(
      int number, String since, String title, String published, String contentHash, String body) {}

  /**
   * The article stored under the normalized form of {@code url}: its own URL (the page's canonical
   * address) or an address it was fetched from.
   */
  public Optional<Long> idByUrl(String url) {
    String key = UrlKey.of(url);
    if (key == null) {
      return Optional.empty();
    }
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "SELECT id FROM articles WHERE url_key = ?"
                    + " UNION ALL SELECT article_id FROM fetches WHERE url_key = ? LIMIT 1")) {
      st.setString(1, key);
      st.setString(2, key);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up " + url, e), e);
    }
  }

  /** The article last imported from the file at {@code path}. */
  public Optional<Long> idByPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    return oneId("SELECT id FROM articles WHERE path = ? ORDER BY id DESC LIMIT 1", path);
  }

  /** The content hash of article {@code id}'s latest version, or null when there is none. */
  public String hashOf(long id) {
    try (PreparedStatement st =
        archive.connection().prepareStatement("SELECT content_hash FROM articles WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read article " + id, e), e);
    }
  }

  private Optional<Long> oneId(String sql, String value) {
    try (PreparedStatement st = archive.connection().prepareStatement(sql)) {
      st.setString(1, value);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up " + value, e), e);
    }
  }

  /**
   * Sets when article {@code id} counts as imported: the date an export says the person saved the
   * page; call inside {@link Archive#write}.
   */
  public void setImported(long id, String at) {
    try (PreparedStatement st =
        archive.connection().prepareStatement("UPDATE articles SET imported = ? WHERE id = ?")) {
      st.setString(1, at);
      st.setLong(2, id);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write article " + id, e), e);
    }
  }

  /** Records a fetch of article {@code id}'s page; call inside {@link Archive#write}. */
  public void record(long id, WebPage page, String at, boolean changed) {
    insert(id, page, at, changed);
  }

  /**
   * Records the fetch that made a new version of article {@code id} (after {@link #keepVersion}),
   * in journal record {@code journal} so that undo removes it with the version; call inside {@link
   * Archive#write}.
   */
  public void recordChange(long journal, long id, WebPage page, String at) {
    long fetch = insert(id, page, at, true);
    try {
      archive.journal().entry(journal, "fetched", id, null, String.valueOf(fetch), null);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot write the journal", e), e);
    }
  }

  /**
   * What undo does for a change that stored new versions: the versions it kept ('version') and the
   * fetches that made them ('fetched') go, so the article is as it was before.
   */
  static final List<String> UNDO =
      List.of(
          "DELETE FROM versions WHERE EXISTS (SELECT 1 FROM journal_entries e WHERE e.journal_id ="
              + " ? AND e.kind = 'version' AND e.article_id = versions.article_id AND e.field ="
              + " CAST(versions.version AS TEXT))",
          "DELETE FROM fetches WHERE id IN (SELECT CAST(field AS BIGINT) FROM journal_entries"
              + " WHERE journal_id = ? AND kind = 'fetched')");

  /** Inserts a fetch record (and one for the address redirected to) and returns its id. */
  private long insert(long id, WebPage page, String at, boolean changed) {
    long fetch;
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "INSERT INTO fetches(article_id, url, url_key, final_url, status, fetched, headers,"
                    + " changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      st.setLong(1, id);
      st.setString(2, page.requested());
      st.setString(3, UrlKey.of(page.requested()));
      st.setString(4, page.finalUrl());
      st.setInt(5, page.status());
      st.setString(6, at);
      st.setString(7, page.headerLines());
      st.setInt(8, changed ? 1 : 0);
      st.executeUpdate();
      try (ResultSet keys = st.getGeneratedKeys()) {
        keys.next();
        fetch = keys.getLong(1);
      }
      if (!UrlKey.orSelf(page.finalUrl()).equals(UrlKey.orSelf(page.requested()))) {
        // the address the redirects ended at names the article too
        try (PreparedStatement alias =
            archive
                .connection()
                .prepareStatement(
                    "INSERT INTO fetches(article_id, url, url_key, final_url, status, fetched,"
                        + " headers, changed) VALUES (?, ?, ?, ?, ?, ?, '', 0)")) {
          alias.setLong(1, id);
          alias.setString(2, page.finalUrl());
          alias.setString(3, UrlKey.of(page.finalUrl()));
          alias.setString(4, page.finalUrl());
          alias.setInt(5, page.status());
          alias.setString(6, at);
          alias.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          Archive.describe("cannot record the fetch of " + page.requested(), e), e);
    }
    return fetch;
  }

  /**
   * Keeps the stored text of article {@code id} as its next earlier version, before a changed page
   * replaces it, in journal record {@code journal} so that undo removes it again; call inside
   * {@link Archive#write}.
   */
  public void keepVersion(long journal, long id) {
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "INSERT INTO versions(article_id, version, since, title, published, body,"
                    + " content_hash, original, original_size)"
                    + " SELECT a.id, (SELECT coalesce(max(version), 0) + 1 FROM versions v"
                    + " WHERE v.article_id = a.id), "
                    + CURRENT_SINCE
                    + ", a.title, a.published, a.body, a.content_hash, o.data, o.size"
                    + " FROM articles a LEFT JOIN originals o ON o.article_id = a.id"
                    + " WHERE a.id = ?")) {
      st.setLong(1, id);
      st.executeUpdate();
      try (PreparedStatement max =
          archive
              .connection()
              .prepareStatement("SELECT max(version) FROM versions WHERE article_id = ?")) {
        max.setLong(1, id);
        try (ResultSet rs = max.executeQuery()) {
          rs.next();
          archive.journal().entry(journal, "version", id, null, rs.getString(1), null);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot keep article " + id + "'s version", e), e);
    }
  }

  /** When the latest version was first stored: its changed fetch, else the import. */
  private static final String CURRENT_SINCE =
      "coalesce((SELECT max(f.fetched) FROM fetches f WHERE f.article_id = a.id AND f.changed = 1),"
          + " a.imported)";

  /** Every version of article {@code id}, oldest first, the latest last; empty when none. */
  public List<Version> versions(long id, boolean withBody) {
    List<Version> out = new ArrayList<>();
    String body = withBody ? "body" : "NULL";
    String a = withBody ? "a.body" : "NULL";
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "SELECT version, since, title, published, content_hash, "
                    + body
                    + " FROM versions WHERE article_id = ?"
                    + " UNION ALL SELECT (SELECT count(*) + 1 FROM versions WHERE article_id = ?), "
                    + CURRENT_SINCE
                    + ", a.title, a.published, a.content_hash, "
                    + a
                    + " FROM articles a WHERE a.id = ? ORDER BY 1")) {
      st.setLong(1, id);
      st.setLong(2, id);
      st.setLong(3, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Version(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read article " + id + "'s versions", e), e);
    }
  }

  /**
   * The URLs to fetch again for articles {@code ids}: each one's last fetched address, else its
   * URL.
   */
  public List<String[]> refetchUrls(List<Long> ids) {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement st =
        archive
            .connection()
            .prepareStatement(
                "SELECT coalesce((SELECT f.url FROM fetches f WHERE f.article_id = a.id AND"
                    + " f.headers <> '' ORDER BY f.id DESC LIMIT 1), a.url) FROM articles a"
                    + " WHERE a.id = ?")) {
      for (long id : ids) {
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            out.add(new String[] {String.valueOf(id), rs.getString(1)});
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read the stored URLs", e), e);
    }
  }
}
