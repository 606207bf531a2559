package dossier.store;

import dossier.similar.Copies;
import dossier.similar.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Fingerprints, LSH bands and copy links (migration 011): what finds a stored article that a new
 * one is a copy of, and what says which articles are copies of which. New band rows go to {@code
 * lsh_recent} (migration 017) and move into {@code lsh_bands} in sorted bulk once there are {@link
 * #RECENT_ROWS} of them; a look-up reads both tables.
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
   */
  public List<Candidate> candidates(long[] bands) {
    try {
      Found found = lookUp(bands);
      List<Candidate> out = new ArrayList<>(found.n());
      for (int k = 0; k < found.n(); k++) {
        int e = found.in().find(found.ids()[k]);
        if (e >= 0 && !found.in().absent(e)) {
          long o = found.in().original(e);
          out.add(
              new Candidate(
                  found.in().id(e),
                  found.in().fingerprint(e),
                  o == Signatures.NO_ORIGINAL ? null : o));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up similar articles", e), e);
    }
  }

  /**
   * The link of {@code copy}, whose fingerprint is {@code f} and bands {@code bands}, to the stored
   * article it is a copy of, if any: of the {@link #candidates} it is a copy of, the one of highest
   * resemblance (the earliest of those alike), or rather that one's original when it is a copy
   * itself. The candidates' signatures are compared where the cache keeps them.
   */
  public Optional<Link> closestOriginal(long copy, Fingerprint f, long[] bands) {
    try {
      Found found = lookUp(bands);
      Signatures in = found.in();
      Link best = null;
      for (int k = 0; k < found.n(); k++) {
        int e = in.find(found.ids()[k]);
        if (e < 0 || in.absent(e)) {
          continue;
        }
        Copies.Match m = in.match(f, e);
        if (m != null && (best == null || m.resemblance() > best.resemblance())) {
          long o = in.original(e);
          best =
              new Link(
                  copy,
                  o == Signatures.NO_ORIGINAL ? in.id(e) : o,
                  m.resemblance(),
                  m.containment());
        }
      }
      return Optional.ofNullable(best);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up similar articles", e), e);
    }
  }

  /**
   * Room for a look-up's candidates and unknown bands, and for the band rows it reads, reused from
   * one look-up to the next (an import makes one an article); a {@link Found} holds {@link #ids}
   * until the next look-up.
   */
  private long[] ids = new long[0];

  private long[] unknown = new long[0];
  private final long[] rowBand = new long[ALL_ROWS + 1];
  private final long[] rowId = new long[ALL_ROWS + 1];

  /**
   * The ids of a look-up's candidates, ascending and each once ({@code ids[0..n)}), and what holds
   * their signatures: every id has an entry in {@code in}, perhaps one that says it has none.
   */
  private record Found(long[] ids, int n, Signatures in) {}

  /**
   * The candidates of {@code bands}. The band rows are read with one look-up of all the bands at
   * once, which costs less than one ordered and limited look-up a band; only when those bands hold
   * more rows than the limits let through (a crowded band) is each band looked up with its own
   * limit. Bands whose earliest rows are known from earlier look-ups of the same {@link
   * Archive#cacheEpoch} are not looked up again.
   */
  private Found lookUp(long[] bands) throws SQLException {
    long epoch = archive.cacheEpoch();
    startEpoch(epoch);
    if (ids.length < bands.length * PER_BAND) {
      ids = new long[bands.length * PER_BAND];
      unknown = new long[bands.length];
    }
    long[] ids = this.ids;
    long[] unknown = this.unknown;
    int n = 0;
    int u = 0;
    BandFilter present = filter(epoch);
    for (long b : bands) {
      int got = epoch == 0 ? -1 : headOf(b, ids, n);
      if (got >= 0) {
        n += got;
      } else if (present == null || present.mightHold(b)) {
        unknown[u++] = b;
      }
    }
    if (u > 0) {
      if (bandRows == null) {
        bandRows =
            conn()
                .prepareStatement(
                    "SELECT band, article_id FROM lsh_bands WHERE band IN ("
                        + String.join(", ", Collections.nCopies(Copies.BANDS, "?"))
                        + ") UNION SELECT band, article_id FROM lsh_recent WHERE band IN ("
                        + String.join(", ", Collections.nCopies(Copies.BANDS, "?"))
                        + ") LIMIT "
                        + (ALL_ROWS + 1));
      }
      for (int i = 0; i < Copies.BANDS; i++) {
        // a band asked twice is read once
        bandRows.setLong(i + 1, unknown[i < u ? i : 0]);
        bandRows.setLong(Copies.BANDS + i + 1, unknown[i < u ? i : 0]);
      }
      long[] rowBand = this.rowBand;
      long[] rowId = this.rowId;
      int rows = 0;
      try (ResultSet rs = bandRows.executeQuery()) {
        while (rs.next()) {
          rowBand[rows] = rs.getLong(1);
          rowId[rows] = rs.getLong(2);
          rows++;
        }
      }
      if (rows > ALL_ROWS) {
        return crowdedCandidates(bands, epoch);
      }
      // every row of these bands was read: their earliest rows are known
      for (int i = 0; i < u; i++) {
        long[] head = new long[PER_BAND];
        int h = 0;
        for (int r = 0; r < rows; r++) {
          if (rowBand[r] == unknown[i]) {
            h = keepEarliest(head, h, rowId[r]);
          }
        }
        System.arraycopy(head, 0, ids, n, h);
        n += h;
        if (epoch != 0) {
          heads.put(unknown[i], Arrays.copyOf(head, h));
        }
      }
    }
    Arrays.sort(ids, 0, n);
    int d = 0;
    for (int k = 0; k < n; k++) {
      if (d == 0 || ids[k] != ids[d - 1]) {
        ids[d++] = ids[k];
      }
    }
    return new Found(ids, d, signatures(ids, d, epoch));
  }

  /**
   * Takes {@code id} into the {@code h} ascending ids of {@code head}, which keeps the {@link
   * #PER_BAND} lowest; the number it holds then.
   */
  private static int keepEarliest(long[] head, int h, long id) {
    int at = Arrays.binarySearch(head, 0, h, id);
    if (at >= 0) {
      return h;
    }
    at = -at - 1;
    if (at >= PER_BAND) {
      return h;
    }
    int keep = Math.min(h, PER_BAND - 1);
    System.arraycopy(head, at, head, at + 1, keep - at);
    head[at] = id;
    return keep + 1;
  }

  /**
   * The signatures of the candidates read or stored in the open {@link Archive#cacheEpoch}, by id;
   * an id read and found without a fingerprint or article is kept as such. Within an epoch nothing
   * else writes the archive, and what this repository writes keeps it up to date: {@link
   * #refreshAll} puts a new article's signature in, {@link #link} its original, and {@link #store}
   * of an article's new body takes its id out. The articles of a crowded band are compared with
   * most new ones, and at 100,000 generated articles reading their signatures again was a fifth of
   * an import's CPU; reading those of the articles just stored was most of what was left.
   */
  private Signatures known = new Signatures(KNOWN_FIRST, KNOWN);

  /**
   * The earliest band rows (at most {@link #PER_BAND} article ids, ascending) of the bands read in
   * the open {@link Archive#cacheEpoch}, kept up to date as bands are stored. Band rows are never
   * removed, so a band that holds {@link #PER_BAND} rows of lower ids than an article's never shows
   * the article to a look-up, and {@link #storeAll} leaves such a row out: in the generated corpus
   * every paragraph recurs some 25 times, and those rows made {@code lsh_bands} grow past the page
   * cache at 100,000 articles. A band stored when the {@link #filter} says that no row holds it is
   * known from then on, with its one id, so that the next article that shares it reads no row.
   *
   * <p>These are the bands of the current generation; when it fills, it becomes the {@link #older}
   * one, and a new current generation starts, twice the size up to {@link #HEADS} bands. A look-up
   * that finds a band in the older generation moves it into the current one, so that the crowded
   * bands, which most articles ask for, stay known, and the bands that nothing asked for in two
   * generations are forgotten.
   */
  private BandHeads heads = new BandHeads(HEADS_FIRST, HEADS_FIRST / CROWDED_SHARE);

  /** The generation of {@link #heads} before the current one, or null. */
  private BandHeads older;

  /** The epoch {@link #known} and {@link #heads} are of. */
  private long knownIn;

  /**
   * Signatures {@link #known} holds at the most (68 MB of them); past that it starts again. The
   * articles of an import of 100,000 fit.
   */
  static final int KNOWN = 1 << 17;

  /** Signatures {@link #known} has room for at first. */
  static final int KNOWN_FIRST = 1 << 12;

  /** Bands {@link #heads} holds at the most; past that it starts again. */
  static final int HEADS = 3 << 17;

  /** {@link #HEADS}, which a test makes smaller. */
  int headsLimit = HEADS;

  /** Makes {@link #known} hold {@code signatures} at the most, for a test of a full cache. */
  void limitSignatures(int signatures) {
    known = new Signatures(signatures, signatures);
  }

  /** Bands {@link #heads} holds at first. */
  static final int HEADS_FIRST = 3 << 10;

  /**
   * One band in this many that {@link #heads} holds may hold two articles or more: nine in ten hold
   * one at 100,000 generated articles.
   */
  static final int CROWDED_SHARE = 4;

  /**
   * The band keys {@code lsh_bands} holds, once made in the open {@link Archive#cacheEpoch}, or
   * null. Making it reads every key of the table, so it is made only when the table is small next
   * to the look-ups this epoch has made: at once in a new or small archive, after some thousands of
   * articles in a large one, and never for a few files imported into a large archive.
   */
  private BandFilter filter;

  /**
   * Look-ups made in the open epoch, and the table's rows at the most, while there is no filter.
   */
  private long lookups;

  private long rowsAtMost = -1;

  /** Band rows read for each look-up the filter spares, at the most, for it to be made. */
  static final int FILTER_ROWS_PER_LOOKUP = 4 * Copies.BANDS;

  private void startEpoch(long epoch) {
    if (epoch != knownIn) {
      known.clear();
    }
    if (epoch != knownIn) {
      heads.clear();
      older = null;
    } else if (heads.full()) {
      BandHeads full = heads;
      heads =
          heads.bands() < headsLimit
              ? new BandHeads(2 * heads.bands(), 2 * heads.bands() / CROWDED_SHARE)
              : older != null && older.bands() == heads.bands()
                  ? older
                  : new BandHeads(heads.bands(), heads.bands() / CROWDED_SHARE);
      heads.clear();
      older = full;
    }
    if (epoch != knownIn) {
      recentRows = -1;
      filter = null;
      lookups = 0;
      rowsAtMost = -1;
    }
    knownIn = epoch;
  }

  /**
   * Puts the earliest ids of {@code band} in {@code out} from {@code at} on and tells how many
   * there are, or -1 when neither generation of {@link #heads} knows them; a band the older
   * generation knows moves into the current one, if it has room.
   */
  private int headOf(long band, long[] out, int at) {
    int got = heads.copy(band, out, at);
    if (got >= 0 || older == null) {
      return got;
    }
    got = older.copy(band, out, at);
    if (got >= 0 && heads.put(band, Arrays.copyOfRange(out, at, at + got))) {
      older.remove(band);
    }
    return got;
  }

  /**
   * True when a row of {@code band} for article {@code id} is worth storing: the band is not known
   * to hold {@link #PER_BAND} lower ids. A band known takes {@code id} in among its earliest; a
   * band that the {@link #filter} says no row holds is known from then on, with {@code id} alone.
   */
  private boolean admit(long band, long id) {
    int known = heads.admit(band, id);
    if (known == BandHeads.UNKNOWN && older != null) {
      known = older.admit(band, id);
    }
    if (known != BandHeads.UNKNOWN) {
      return known == 1;
    }
    if (filter != null && !filter.mightHold(band)) {
      heads.putOne(band, id);
    }
    return true;
  }

  private BandFilter filter(long epoch) throws SQLException {
    if (epoch == 0 || filter != null) {
      return filter;
    }
    if (rowsAtMost < 0) {
      // a fingerprint's article has BANDS rows at the most
      try (PreparedStatement st =
              conn().prepareStatement("SELECT coalesce(max(article_id), 0) FROM fingerprints");
          ResultSet rs = st.executeQuery()) {
        rowsAtMost = (rs.next() ? rs.getLong(1) : 0) * Copies.BANDS;
      }
    }
    if (rowsAtMost > ++lookups * FILTER_ROWS_PER_LOOKUP) {
      return null;
    }
    BandFilter f = new BandFilter((int) Math.min(1 << 26, 2 * rowsAtMost));
    try (PreparedStatement st =
            conn()
                .prepareStatement(
                    "SELECT band FROM lsh_bands UNION ALL SELECT band FROM lsh_recent");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        f.add(rs.getLong(1));
      }
    }
    filter = f;
    return f;
  }

  /**
   * What holds the signatures of {@code ids[0..n)} (ascending): {@link #known} in an epoch, with
   * those it did not hold read in, else a store made for them. An id read and not found is kept as
   * having none.
   */
  private Signatures signatures(long[] ids, int n, long epoch) throws SQLException {
    Signatures in = epoch == 0 ? new Signatures(Math.max(1, n), Math.max(1, n)) : known;
    long[] unknown = new long[n];
    int u = 0;
    for (int k = 0; k < n; k++) {
      if (in.find(ids[k]) < 0) {
        unknown[u++] = ids[k];
      }
    }
    if (u == 0) {
      return in;
    }
    if (!in.roomFor(u)) {
      // start again, and read every candidate of this look-up into it
      in.clear();
      System.arraycopy(ids, 0, unknown, 0, n);
      u = n;
    }
    if (prints == null) {
      prints =
          conn()
              .prepareStatement(
                  "SELECT f.article_id, f.signature, c.original_id FROM "
                      + archive.engine().ids("j")
                      + " JOIN fingerprints f ON f.article_id = j.value JOIN "
                      + existing("f.article_id")
                      + " LEFT JOIN copies c ON c.article_id = f.article_id ORDER BY"
                      + " f.article_id");
    }
    prints.setString(1, jsonIds(unknown, u));
    for (int k = 0; k < u; k++) {
      in.putAbsent(unknown[k]);
    }
    read(prints, in);
    return in;
  }

  /** {@code ids[0..n)} as a JSON array. */
  private static String jsonIds(long[] ids, int n) {
    StringBuilder b = new StringBuilder(n * 8 + 2).append('[');
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        b.append(',');
      }
      b.append(ids[k]);
    }
    return b.append(']').toString();
  }

  /**
   * A join that keeps the rows whose article {@code id} exists. On SQLite it reads the article's
   * row of full-text lengths (a few bytes, kept with the article by triggers) rather than the
   * article's own row, whose pages hold its text.
   */
  private String existing(String id) {
    return archive.onServer()
        ? "articles a ON a.id = " + id
        : "articles_fts_docsize a ON a.id = " + id;
  }

  /** Band rows that one look-up of all bands takes at the most: as many as the limits let by. */
  private static final int ALL_ROWS = Copies.BANDS * PER_BAND;

  /** {@link #candidates} when a band is crowded: each band looked up with its own limit. */
  private Found crowdedCandidates(long[] bands, long epoch) throws SQLException {
    if (lookup == null) {
      // The earliest few articles of each band: a copy links to the earliest article of its
      // story, and a band shared by thousands (text that many articles repeat, such as a
      // template) must not make every import compare against all of them.
      String perBand =
          "SELECT article_id FROM ("
              + earliest("lsh_bands", "b")
              + " UNION "
              + earliest("lsh_recent", "r")
              + " ORDER BY 1 LIMIT "
              + PER_BAND
              + ") h";
      String union = String.join(" UNION ", Collections.nCopies(Copies.BANDS, perBand));
      lookup =
          conn()
              .prepareStatement(
                  "SELECT f.article_id, f.signature, c.original_id FROM fingerprints f JOIN "
                      + existing("f.article_id")
                      + " LEFT JOIN copies c ON c.article_id = f.article_id WHERE f.article_id IN"
                      + " ("
                      + union
                      + ") ORDER BY f.article_id");
    }
    for (int i = 0; i < Copies.BANDS; i++) {
      lookup.setLong(2 * i + 1, bands[i]);
      lookup.setLong(2 * i + 2, bands[i]);
    }
    Signatures in = epoch == 0 ? new Signatures(ALL_ROWS, ALL_ROWS) : known;
    if (!in.roomFor(ALL_ROWS)) {
      in.clear();
    }
    long[] ids = read(lookup, in);
    return new Found(ids, ids.length, in);
  }

  /** The earliest {@link #PER_BAND} article ids of one band ({@code ?}) of {@code table}. */
  private static String earliest(String table, String alias) {
    return "SELECT article_id FROM (SELECT article_id FROM "
        + table
        + " WHERE band = ? ORDER BY article_id LIMIT "
        + PER_BAND
        + ") "
        + alias;
  }

  /**
   * Puts the signatures and originals that {@code st} reads (id, signature, original) in {@code
   * in}; their ids, in the order read.
   */
  private static long[] read(PreparedStatement st, Signatures in) throws SQLException {
    long[] ids = new long[16];
    int n = 0;
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        Fingerprint f = Fingerprint.fromBytes(rs.getBytes(2));
        long o = rs.getLong(3);
        in.put(id, f, rs.wasNull() ? Signatures.NO_ORIGINAL : o);
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, 2 * n);
        }
        ids[n++] = id;
      }
    }
    return Arrays.copyOf(ids, n);
  }

  /** Stores an article's fingerprint and bands; call inside {@link Archive#write}. */
  void store(long id, Fingerprint f, long[] bands) {
    storeAll(new long[] {id}, List.of(f), List.of(bands), false);
  }

  /** Fingerprints one statement of {@link #storeAll} writes. */
  static final int PRINTS_PER_INSERT = 32;

  /** Band rows one statement of {@link #storeAll} writes. */
  static final int BANDS_PER_INSERT = 512;

  /** The statements for a whole chunk: fingerprints, bands ({@link #storeAll}), links. */
  private final PreparedStatement[] fullInserts = new PreparedStatement[3];

  /**
   * Stores the fingerprints and bands of articles {@code ids}, several to a statement and the bands
   * in the order of their keys, so that SQLite's index takes them in one walk rather than as 32
   * look-ups an article in random places; call inside {@link Archive#write}.
   */
  private void storeAll(long[] ids, List<Fingerprint> fs, List<long[]> bands, boolean fresh) {
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
          2,
          PRINTS_PER_INSERT,
          ids.length,
          (st, p, k) -> {
            st.setLong(p, ids[k]);
            st.setBytes(p + 1, fs.get(k).bytes());
          });
      long[] rowBand = new long[ids.length * Copies.BANDS];
      long[] rowId = new long[rowBand.length];
      int n = 0;
      boolean cached = archive.cacheEpoch() != 0 && archive.cacheEpoch() == knownIn;
      for (int k = 0; k < ids.length; k++) {
        int before = n;
        for (long b : bands.get(k)) {
          if (!cached || admit(b, ids[k])) {
            rowBand[n] = b;
            rowId[n] = ids[k];
            n++;
            if (cached && filter != null) {
              filter.add(b);
            }
          }
        }
        // a new article is a copy of nothing yet (link comes later); one with no band row stored
        // is no look-up's candidate
        if (cached
            && fresh
            && n > before
            && !known.put(ids[k], fs.get(k), Signatures.NO_ORIGINAL)) {
          known.clear();
          known.put(ids[k], fs.get(k), Signatures.NO_ORIGINAL);
        }
      }
      BandRows.sort(rowBand, rowId, n);
      insertChunks(
          1,
          values -> archive.engine().insertIgnore("lsh_recent(band, article_id) " + values),
          2,
          BANDS_PER_INSERT,
          n,
          (st, p, k) -> {
            st.setLong(p, rowBand[k]);
            st.setLong(p + 1, rowId[k]);
          });
      settleRecent(n, cached);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot store a fingerprint", e), e);
    }
  }

  /**
   * Rows of {@code lsh_recent} from which they move into {@code lsh_bands}. A batch of an import
   * (512 articles, 16,384 band rows) changes most pages of a table of some 3 million rows, whose
   * keys are random; {@code lsh_recent} stays a few hundred pages, and the move writes each page of
   * {@code lsh_bands} once for many batches.
   */
  static final int RECENT_ROWS = 1 << 18;

  /** {@link #RECENT_ROWS}, which a test makes smaller. */
  int recentLimit = RECENT_ROWS;

  /** The rows of {@code lsh_recent} in the open epoch at the most, or -1 when not known. */
  private long recentRows = -1;

  /**
   * Counts the {@code added} rows just put in {@code lsh_recent} ({@code cached}: in the epoch of
   * {@link #knownIn}) and moves them all into {@code lsh_bands}, in key order, once they are {@link
   * #recentLimit} or more.
   */
  private void settleRecent(int added, boolean cached) throws SQLException {
    if (added == 0) {
      return;
    }
    if (cached && recentRows >= 0) {
      // a row ignored as stored already is counted too: a move comes a little early
      recentRows += added;
    } else {
      try (PreparedStatement st = conn().prepareStatement("SELECT count(*) FROM lsh_recent");
          ResultSet rs = st.executeQuery()) {
        recentRows = rs.next() ? rs.getLong(1) : 0;
      }
    }
    long counted = recentRows;
    if (!cached) {
      recentRows = -1;
    }
    if (counted < recentLimit) {
      return;
    }
    try (Statement st = conn().createStatement()) {
      st.executeUpdate(
          archive
              .engine()
              .insertIgnore(
                  "lsh_bands(band, article_id) SELECT band, article_id FROM lsh_recent ORDER BY"
                      + " band, article_id"));
      st.executeUpdate("DELETE FROM lsh_recent");
    }
    if (cached) {
      recentRows = 0;
    }
  }

  /** Binds the values of row {@code k} from parameter {@code p} on. */
  private interface Row {
    void bind(PreparedStatement st, int p, int k) throws SQLException;
  }

  /**
   * Inserts {@code n} rows of {@code width} values, {@code per} to a statement; the statement for a
   * whole chunk is kept in {@link #fullInserts}{@code [slot]}, a shorter one made and closed.
   */
  private void insertChunks(
      int slot, java.util.function.UnaryOperator<String> insert, int width, int per, int n, Row row)
      throws SQLException {
    for (int from = 0; from < n; from += per) {
      int to = Math.min(n, from + per);
      boolean full = to - from == per;
      PreparedStatement st = full ? fullInserts[slot] : null;
      if (st == null) {
        st = conn().prepareStatement(rows(insert, width, to - from));
        if (full) {
          fullInserts[slot] = st;
        }
      }
      try {
        for (int k = from; k < to; k++) {
          row.bind(st, 1 + width * (k - from), k);
        }
        st.executeUpdate();
      } finally {
        if (!full) {
          st.close();
        }
      }
    }
  }

  /** An INSERT of {@code n} rows of {@code width} values, made by {@code insert} of its VALUES. */
  private static String rows(java.util.function.UnaryOperator<String> insert, int width, int n) {
    String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    return insert.apply("VALUES " + String.join(", ", Collections.nCopies(n, one)));
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
      storeAll(kept.stream().mapToLong(Long::longValue).toArray(), prints, bands, true);
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
    linkAll(List.of(l));
  }

  /** Links one statement of {@link #linkAll} writes. */
  static final int LINKS_PER_INSERT = 64;

  /**
   * Marks each of {@code links}' copies as a copy of its original, several to a statement (an
   * import links a batch's copies at once: one statement a copy was a fiftieth of its CPU at
   * 100,000 generated articles); call inside {@link Archive#write}.
   */
  public void linkAll(List<Link> links) {
    for (Link l : links) {
      known.setOriginal(l.copy(), l.original());
    }
    try {
      insertChunks(
          2,
          values ->
              archive
                  .engine()
                  .upsert(
                      "copies",
                      "article_id",
                      List.of("article_id", "original_id", "resemblance", "containment"),
                      values),
          4,
          LINKS_PER_INSERT,
          links.size(),
          (st, p, k) -> {
            Link l = links.get(k);
            st.setLong(p, l.copy());
            st.setLong(p + 1, l.original());
            st.setDouble(p + 2, l.resemblance());
            st.setDouble(p + 3, l.containment());
          });
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
                // each id's own rows (by the copies' key and their index on originals), never
                // a pass over every copy
                "SELECT DISTINCT coalesce(c.original_id, j.value) FROM "
                    + archive.engine().ids("j")
                    + " LEFT JOIN copies c ON c.article_id = j.value WHERE (c.original_id IS NOT"
                    + " NULL OR EXISTS (SELECT 1 FROM copies o WHERE o.original_id = j.value))"
                    + " AND EXISTS (SELECT 1 FROM articles a WHERE a.id = coalesce(c.original_id,"
                    + " j.value)) ORDER BY 1")) {
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
