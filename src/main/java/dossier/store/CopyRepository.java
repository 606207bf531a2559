package dossier.store;

import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Fingerprints, LSH bands and copy links (migration 011): what finds a stored article that a new
 * one is a copy of, and what says which articles are copies of which.
 */
public final class CopyRepository {
  /** A stored article that shares a band with a new one; {@code original} is its own original. */
  public record Candidate(long id, Fingerprint fingerprint, Long original) {}

  /** A copy and what its link says about it. */
  public record Link(long copy, long original, double resemblance, double containment) {}

  /** How many articles of one band a lookup compares with, earliest first. */
  public static final int PER_BAND = 16;

  private final Archive archive;
  private PreparedStatement lookup;
  private PreparedStatement insertPrint;
  private PreparedStatement insertBand;
  private PreparedStatement insertLink;
  private PreparedStatement hasPrint;

  CopyRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /** The stored articles that share at least one of {@code bands}, each once. */
  public List<Candidate> candidates(long[] bands) {
    try {
      if (lookup == null) {
        // The earliest few articles of each band: a copy links to the earliest article of its
        // story, and a band shared by thousands (text that many articles repeat, such as a
        // template) must not make every import compare against all of them.
        String perBand =
            "SELECT article_id FROM (SELECT article_id FROM lsh_bands WHERE band = ? ORDER BY"
                + " article_id LIMIT "
                + PER_BAND
                + ") b";
        String union = String.join(" UNION ", Collections.nCopies(Copies.BANDS, perBand));
        lookup =
            conn()
                .prepareStatement(
                    "SELECT f.article_id, f.signature, c.original_id FROM fingerprints f JOIN"
                        + " articles a ON a.id = f.article_id LEFT JOIN copies c ON c.article_id ="
                        + " f.article_id WHERE f.article_id IN ("
                        + union
                        + ")");
      }
      for (int i = 0; i < Copies.BANDS; i++) {
        lookup.setLong(i + 1, bands[i]);
      }
      List<Candidate> out = new ArrayList<>();
      try (ResultSet rs = lookup.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          Fingerprint f = Fingerprint.fromBytes(rs.getBytes(2));
          long o = rs.getLong(3);
          out.add(new Candidate(id, f, rs.wasNull() ? null : o));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up similar articles", e), e);
    }
  }

  /** Stores an article's fingerprint and bands; call inside {@link Archive#write}. */
  void store(long id, Fingerprint f, long[] bands) {
    try {
      if (insertPrint == null) {
        insertPrint =
            conn()
                .prepareStatement(
                    "INSERT OR REPLACE INTO fingerprints(article_id, signature) VALUES (?, ?)");
        insertBand =
            conn()
                .prepareStatement(
                    "INSERT OR IGNORE INTO lsh_bands(band, article_id) VALUES (?, ?)");
      }
      insertPrint.setLong(1, id);
      insertPrint.setBytes(2, f.bytes());
      insertPrint.executeUpdate();
      for (long b : bands) {
        insertBand.setLong(1, b);
        insertBand.setLong(2, id);
        insertBand.addBatch();
      }
      insertBand.executeBatch();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot store a fingerprint", e), e);
    }
  }

  /**
   * Stores the fingerprint and bands of an article's body as it is now (an import, a new version, a
   * re-extraction or an undo changed it); call inside {@link Archive#write}. The bands of the body
   * it had stay: a lookup compares with the fingerprint stored, so they only cost a comparison.
   */
  public void refresh(long id, Fingerprint f) {
    if (f != null) {
      store(id, f, Copies.bands(f));
    }
  }

  /**
   * True when the article has a stored fingerprint (those stored before migration 011 have none).
   */
  public boolean hasFingerprint(long id) {
    try {
      if (hasPrint == null) {
        hasPrint = conn().prepareStatement("SELECT 1 FROM fingerprints WHERE article_id = ?");
      }
      hasPrint.setLong(1, id);
      try (ResultSet rs = hasPrint.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read a fingerprint", e), e);
    }
  }

  /** Marks {@code copy} as a copy of {@code original}; call inside {@link Archive#write}. */
  public void link(Link l) {
    try {
      if (insertLink == null) {
        insertLink =
            conn()
                .prepareStatement(
                    "INSERT OR REPLACE INTO copies(article_id, original_id, resemblance,"
                        + " containment) VALUES (?, ?, ?, ?)");
      }
      insertLink.setLong(1, l.copy());
      insertLink.setLong(2, l.original());
      insertLink.setDouble(3, l.resemblance());
      insertLink.setDouble(4, l.containment());
      insertLink.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot link a copy", e), e);
    }
  }

  /** The link of a copy, if the article is one. */
  public Optional<Link> linkOf(long id) {
    List<Link> l =
        links(
            "SELECT article_id, original_id, resemblance, containment FROM copies WHERE"
                + " article_id = ?",
            id);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The stored copies of an original, oldest id first. */
  public List<Link> copiesOf(long original) {
    return links(
        "SELECT c.article_id, c.original_id, c.resemblance, c.containment FROM copies c JOIN"
            + " articles a ON a.id = c.article_id WHERE c.original_id = ? ORDER BY c.article_id",
        original);
  }

  /**
   * The originals with at least one stored copy among the articles {@code ids} name (an original or
   * a copy of it), each once, in the order of the original's id.
   */
  public List<Long> originalsAmong(List<Long> ids) {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT DISTINCT coalesce(c.original_id, o.original_id) FROM "
                    + archive.engine().ids("j")
                    + " LEFT"
                    + " JOIN copies c ON c.article_id = j.value LEFT JOIN (SELECT DISTINCT"
                    + " original_id FROM copies) o ON o.original_id = j.value WHERE"
                    + " coalesce(c.original_id, o.original_id) IS NOT NULL AND EXISTS (SELECT 1"
                    + " FROM articles a WHERE a.id = coalesce(c.original_id, o.original_id))"
                    + " ORDER BY 1")) {
      st.setString(1, ids.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read copies", e), e);
    }
  }

  /**
   * For those of the articles {@code ids} that are copies, the original each is a copy of (copy id
   * to original id); the review UI folds copies under their originals with it.
   */
  public java.util.Map<Long, Long> originalsOf(List<Long> ids) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT c.article_id, c.original_id FROM json_each(?) j JOIN copies c ON"
                    + " c.article_id = j.value")) {
      st.setString(1, ids.toString());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read copies", e), e);
    }
  }

  private List<Link> links(String sql, long id) {
    List<Link> out = new ArrayList<>();
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new Link(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read copies", e), e);
    }
  }
}
