package dossier.store;

import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
  private PreparedStatement bandRows;
  private PreparedStatement prints;
  private PreparedStatement insertLink;
  private PreparedStatement hasPrint;

  CopyRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  /**
   * The stored articles that share at least one of {@code bands}, each once, by id: of each band
   * the earliest {@link #PER_BAND} articles that hold it.
   *
   * <p>The band rows are read with one look-up of all the bands at once, which costs less than one
   * ordered and limited look-up a band; only when those bands hold more rows than the limits let
   * through (a crowded band) is each band looked up with its own limit.
   */
  public List<Candidate> candidates(long[] bands) {
    try {
      if (bandRows == null) {
        bandRows =
            conn()
                .prepareStatement(
                    "SELECT band, article_id FROM lsh_bands WHERE band IN ("
                        + String.join(", ", Collections.nCopies(Copies.BANDS, "?"))
                        + ") LIMIT "
                        + (ALL_ROWS + 1));
      }
      for (int i = 0; i < Copies.BANDS; i++) {
        bandRows.setLong(i + 1, bands[i]);
      }
      Map<Long, List<Long>> byBand = new HashMap<>();
      int rows = 0;
      try (ResultSet rs = bandRows.executeQuery()) {
        while (rs.next()) {
          byBand.computeIfAbsent(rs.getLong(1), b -> new ArrayList<>()).add(rs.getLong(2));
          rows++;
        }
      }
      if (rows > ALL_ROWS) {
        return crowdedCandidates(bands);
      }
      if (rows == 0) {
        return List.of();
      }
      TreeSet<Long> ids = new TreeSet<>();
      for (List<Long> inBand : byBand.values()) {
        Collections.sort(inBand);
        ids.addAll(inBand.subList(0, Math.min(PER_BAND, inBand.size())));
      }
      return candidatesByIds(ids);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up similar articles", e), e);
    }
  }

  /**
   * The candidates read in the open write transaction, by id; an id read and found without a
   * fingerprint or article maps to null. Within one transaction nothing else writes the archive,
   * and what this repository writes ({@link #store}, {@link #link}) takes its ids out, so the map
   * says what the archive holds. The articles of a crowded band are compared with most new ones,
   * and at 100,000 generated articles reading their signatures again was a fifth of an import's
   * CPU.
   */
  private final Map<Long, Candidate> known = new HashMap<>();

  /** The transaction {@link #known} is of. */
  private long knownIn;

  /** Candidates {@link #known} holds at the most; past that it starts again. */
  static final int KNOWN = 50_000;

  /** The candidates among {@code ids} (ascending) that exist, by id. */
  private List<Candidate> candidatesByIds(TreeSet<Long> ids) throws SQLException {
    long tx = archive.committingTransaction();
    if (tx != knownIn || known.size() > KNOWN) {
      known.clear();
      knownIn = tx;
    }
    List<Long> unknown = new ArrayList<>();
    for (long id : ids) {
      if (tx == 0 || !known.containsKey(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      if (prints == null) {
        prints =
            conn()
                .prepareStatement(
                    "SELECT f.article_id, f.signature, c.original_id FROM "
                        + archive.engine().ids("j")
                        + " JOIN"
                        + " fingerprints f ON f.article_id = j.value JOIN articles a ON a.id ="
                        + " f.article_id LEFT JOIN copies c ON c.article_id = f.article_id ORDER BY"
                        + " f.article_id");
      }
      prints.setString(1, unknown.toString());
      List<Candidate> read = read(prints);
      if (tx == 0) {
        return read;
      }
      for (long id : unknown) {
        known.put(id, null);
      }
      for (Candidate c : read) {
        known.put(c.id(), c);
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (long id : ids) {
      Candidate c = known.get(id);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Band rows that one look-up of all bands takes at the most: as many as the limits let by. */
  private static final int ALL_ROWS = Copies.BANDS * PER_BAND;

  /** {@link #candidates} when a band is crowded: each band looked up with its own limit. */
  private List<Candidate> crowdedCandidates(long[] bands) throws SQLException {
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
                      + ") ORDER BY f.article_id");
    }
    for (int i = 0; i < Copies.BANDS; i++) {
      lookup.setLong(i + 1, bands[i]);
    }
    return read(lookup);
  }

  private static List<Candidate> read(PreparedStatement st) throws SQLException {
    List<Candidate> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        Fingerprint f = Fingerprint.fromBytes(rs.getBytes(2));
        long o = rs.getLong(3);
        out.add(new Candidate(id, f, rs.wasNull() ? null : o));
      }
    }
    return out;
  }

  /** Stores an article's fingerprint and bands; call inside {@link Archive#write}. */
  void store(long id, Fingerprint f, long[] bands) {
    storeAll(new long[] {id}, List.of(f), List.of(bands));
  }

  /** Fingerprints one statement of {@link #storeAll} writes. */
  static final int PRINTS_PER_INSERT = 32;

  /** Band rows one statement of {@link #storeAll} writes. */
  static final int BANDS_PER_INSERT = 512;

  /** The statements of {@link #storeAll} for a whole chunk: fingerprints, bands. */
  private final PreparedStatement[] fullInserts = new PreparedStatement[2];

  /**
   * Stores the fingerprints and bands of articles {@code ids}, several to a statement and the bands
   * in the order of their keys, so that SQLite's index takes them in one walk rather than as 32
   * look-ups an article in random places; call inside {@link Archive#write}.
   */
  private void storeAll(long[] ids, List<Fingerprint> fs, List<long[]> bands) {
    for (long id : ids) {
      known.remove(id);
    }
    try {
      insertChunks(
          0,
          values ->
              archive
                  .engine()
                  .upsert("fingerprints", "article_id", List.of("article_id", "signature"), values),
          PRINTS_PER_INSERT,
          ids.length,
          (st, p, k) -> {
            st.setLong(p, ids[k]);
            st.setBytes(p + 1, fs.get(k).bytes());
          });
      long[][] rows = new long[ids.length * Copies.BANDS][];
      int n = 0;
      for (int k = 0; k < ids.length; k++) {
        for (long b : bands.get(k)) {
          rows[n++] = new long[] {b, ids[k]};
        }
      }
      long[][] sorted = Arrays.copyOf(rows, n);
      Arrays.sort(
          sorted, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      insertChunks(
          1,
          values -> archive.engine().insertIgnore("lsh_bands(band, article_id) " + values),
          BANDS_PER_INSERT,
          n,
          (st, p, k) -> {
            st.setLong(p, sorted[k][0]);
            st.setLong(p + 1, sorted[k][1]);
          });
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot store a fingerprint", e), e);
    }
  }

  /** Binds the two values of row {@code k} from parameter {@code p} on. */
  private interface Row {
    void bind(PreparedStatement st, int p, int k) throws SQLException;
  }

  /**
   * Inserts {@code n} rows of two values, {@code per} to a statement; the statement for a whole
   * chunk is kept in {@link #fullInserts}{@code [slot]}, a shorter one made and closed.
   */
  private void insertChunks(
      int slot, java.util.function.UnaryOperator<String> insert, int per, int n, Row row)
      throws SQLException {
    for (int from = 0; from < n; from += per) {
      int to = Math.min(n, from + per);
      boolean full = to - from == per;
      PreparedStatement st = full ? fullInserts[slot] : null;
      if (st == null) {
        st = conn().prepareStatement(rows(insert, to - from));
        if (full) {
          fullInserts[slot] = st;
        }
      }
      try {
        for (int k = from; k < to; k++) {
          row.bind(st, 1 + 2 * (k - from), k);
        }
        st.executeUpdate();
      } finally {
        if (!full) {
          st.close();
        }
      }
    }
  }

  /** An INSERT of {@code n} rows of two values, made by {@code insert} of its VALUES list. */
  private static String rows(java.util.function.UnaryOperator<String> insert, int n) {
    StringBuilder values = new StringBuilder("VALUES ");
    for (int k = 0; k < n; k++) {
      values.append(k == 0 ? "(?, ?)" : ", (?, ?)");
    }
    return insert.apply(values.toString());
  }

  /**
   * Stores the fingerprints and bands of new articles {@code ids} (a null fingerprint stores
   * nothing), as {@link #refresh} does each; call inside {@link Archive#write}.
   */
  public void refreshAll(long[] ids, List<Fingerprint> fs) {
    List<Long> kept = new ArrayList<>();
    List<Fingerprint> prints = new ArrayList<>();
    List<long[]> bands = new ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      if (fs.get(k) != null) {
        kept.add(ids[k]);
        prints.add(fs.get(k));
        bands.add(Copies.bands(fs.get(k)));
      }
    }
    if (!kept.isEmpty()) {
      storeAll(kept.stream().mapToLong(Long::longValue).toArray(), prints, bands);
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
    known.remove(l.copy());
    try {
      if (insertLink == null) {
        insertLink =
            conn()
                .prepareStatement(
                    archive
                        .engine()
                        .upsert(
                            "copies",
                            "article_id",
                            List.of("article_id", "original_id", "resemblance", "containment"),
                            "VALUES (?, ?, ?, ?)"));
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
                "SELECT c.article_id, c.original_id FROM "
                    + archive.engine().ids("j")
                    + " JOIN copies c ON"
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
