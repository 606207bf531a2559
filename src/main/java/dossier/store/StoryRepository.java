package dossier.store;

import dossier.similar.Stories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Story threads (migration 013): which story each article belongs to, the keys that find the
 * stories worth comparing with a new article, and how common each name is in the archive. Changes
 * by hand (merge, split) are journaled and undone like other changes.
 */
public final class StoryRepository {
  /** A stored story as listed: its members that exist, dates, outlets. */
  public record Summary(
      long id, long first, String firstDay, String lastDay, List<String> outlets, int count) {}

  private final Archive archive;
  private PreparedStatement candidates;
  private PreparedStatement joinKeys;
  private PreparedStatement grow;
  private PreparedStatement storyOf;
  private PreparedStatement count;
  private PreparedStatement joinMembers;
  private PreparedStatement newStory;
  private PreparedStatement readKeys;

  StoryRepository(Archive archive) {
    this.archive = archive;
  }

  private Connection conn() {
    return archive.connection();
  }

  private Engine engine() {
    return archive.engine();
  }

  /**
   * What {@code story_terms} says of the terms read in the open {@link Archive#cacheEpoch}, kept up
   * to date by {@link #countTerms}; 0 for a term the table does not hold. Within an epoch nothing
   * else writes the archive, so each batch of an import reads only the names it has not met.
   */
  private final Map<String, Long> termCounts = new HashMap<>();

  /**
   * The rows of {@code story_keys} of the terms {@link #readKeys} read in the open epoch, each
   * term's whole, with the keys {@link #addKeys} counted since (written or not); {@link
   * KeyRows#CROWDED} for a term of more rows than {@link KeyRows#MOST}, which is looked up in the
   * table.
   */
  private final Map<String, KeyRows> keyRows = new HashMap<>();

  /** The sizes of the stories {@link #keyRows} names, kept up to date by {@link #grow}. */
  private final Map<Long, Integer> sizes = new HashMap<>();

  /** The epoch the caches are of, 0 when none. */
  private long cachedIn;

  /** Terms {@link #termCounts} or {@link #keyRows} holds at the most; past that it starts again. */
  static final int TERMS = 1 << 17;

  /** True when the caches are of the open epoch. */
  private boolean cached() {
    long epoch = archive.cacheEpoch();
    return epoch != 0 && epoch == cachedIn;
  }

  /** Empties the caches when a new epoch has begun; true when the caches may be used. */
  private boolean startEpoch() {
    long epoch = archive.cacheEpoch();
    if (epoch != cachedIn) {
      termCounts.clear();
      keyRows.clear();
      sizes.clear();
      cachedIn = epoch;
    }
    return epoch != 0;
  }

  /** The rows of one term in {@code story_keys}: story, members holding it, their latest day. */
  private static final class KeyRows {
    /** Rows a term keeps in memory at the most. */
    static final int MOST = 4 * Stories.PER_KEY;

    static final KeyRows CROWDED = new KeyRows();

    final List<long[]> counts = new ArrayList<>(2);
    final List<String> lasts = new ArrayList<>(2);

    /** {@code story} holding the term for one more member, of {@code day}; this, or crowded. */
    KeyRows add(long story, String day) {
      if (this == CROWDED) {
        return this;
      }
      for (int i = 0; i < counts.size(); i++) {
        if (counts.get(i)[0] == story) {
          counts.get(i)[1]++;
          if (day.compareTo(lasts.get(i)) > 0) {
            lasts.set(i, day);
          }
          return this;
        }
      }
      return row(story, 1, day);
    }

    KeyRows row(long story, long n, String last) {
      if (this == CROWDED || counts.size() >= MOST) {
        return CROWDED;
      }
      counts.add(new long[] {story, n});
      lasts.add(last);
      return this;
    }
  }

  /**
   * Reads the rows of {@code story_keys} of those of {@code terms} not read before in the open
   * {@link Archive#cacheEpoch}, and the sizes of their stories, for {@link #candidates} to answer
   * from memory. Call inside {@link Archive#write}, before the terms are looked up.
   */
  public void readKeys(java.util.Collection<String> terms) {
    if (!startEpoch()) {
      return;
    }
    if (keyRows.size() > TERMS) {
      // only the table is read from here on: the keys counted so far go in first
      flushKeys();
      keyRows.clear();
      sizes.clear();
    }
    List<String> unknown = new ArrayList<>();
    for (String t : terms) {
      if (!keyRows.containsKey(t)) {
        unknown.add(t);
        keyRows.put(t, new KeyRows());
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    // a term read now holds no key counted and not written: addKeys counts only terms looked up
    flushKeys();
    try {
      if (readKeys == null) {
        readKeys =
            conn()
                .prepareStatement(
                    "SELECT k.term, k.story_id, k.n, k.last, s.size FROM "
                        + engine().strings("?", "j")
                        + " JOIN story_keys k ON k.term = j.value LEFT JOIN stories s ON s.id ="
                        + " k.story_id");
      }
      readKeys.setString(1, SimilarityRepository.jsonArray(unknown));
      try (ResultSet rs = readKeys.executeQuery()) {
        while (rs.next()) {
          String term = rs.getString(1);
          long story = rs.getLong(2);
          int size = rs.getInt(5);
          boolean noStory = rs.wasNull();
          // a key of no story: the table's look-up counts it against its limit, so that one does
          keyRows.put(
              term,
              noStory
                  ? KeyRows.CROWDED
                  : keyRows.get(term).row(story, rs.getLong(3), rs.getString(4)));
          if (!noStory) {
            sizes.put(story, size);
          }
        }
      }
    } catch (SQLException e) {
      keyRows.clear();
      throw new StoreException(Archive.describe("cannot look up stories", e), e);
    }
  }

  /**
   * {@link #candidates} from {@link #keyRows}, or null when a key is not known there or holds more
   * than {@link Stories#PER_KEY} stories in the window (the table's order then picks which).
   */
  private List<Stories.Candidate> knownCandidates(List<String> keys, String since) {
    java.util.TreeMap<Long, Stories.Candidate> out = new java.util.TreeMap<>();
    for (String k : keys) {
      KeyRows rows = keyRows.get(k);
      if (rows == null || rows == KeyRows.CROWDED) {
        return null;
      }
      int inWindow = 0;
      for (String last : rows.lasts) {
        if (last.compareTo(since) >= 0) {
          inWindow++;
        }
      }
      if (inWindow > Stories.PER_KEY) {
        return null;
      }
      for (int i = 0; i < rows.counts.size(); i++) {
        if (rows.lasts.get(i).compareTo(since) >= 0) {
          long story = rows.counts.get(i)[0];
          Integer size = sizes.get(story);
          if (size == null) {
            return null;
          }
          out.computeIfAbsent(story, s -> new Stories.Candidate(s, size, new HashMap<>()))
              .shared()
              .put(k, (int) rows.counts.get(i)[1]);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Adds to each term's first count in {@code counts} in how many articles it occurs (a term never
   * seen gets nothing), in one look-up of the terms not read before in the open {@link
   * Archive#cacheEpoch}.
   */
  public void addFrequencies(Map<String, long[]> counts) {
    if (counts.isEmpty()) {
      return;
    }
    boolean cached = startEpoch();
    if (cached && termCounts.size() > TERMS) {
      termCounts.clear();
    }
    List<String> unknown = new ArrayList<>(counts.size());
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      Long n = cached ? termCounts.get(e.getKey()) : null;
      if (n == null) {
        unknown.add(e.getKey());
      } else {
        e.getValue()[0] += n;
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        conn()
            .prepareStatement(
                "SELECT t.term, t.n FROM "
                    + engine().strings("?", "j")
                    + " JOIN story_terms t ON t.term = j.value")) {
      st.setString(1, SimilarityRepository.jsonArray(unknown));
      if (cached) {
        for (String t : unknown) {
          termCounts.put(t, 0L);
        }
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long[] c = counts.get(rs.getString(1));
          if (c != null) {
            c[0] += rs.getLong(2);
            if (cached) {
              termCounts.put(rs.getString(1), rs.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read story terms", e), e);
    }
  }

  /** How many articles {@link #countTerms} has counted. */
  public long counted() {
    Map<String, long[]> n = Map.of("", new long[1]);
    addFrequencies(n);
    return n.get("")[0];
  }

  /**
   * Adds {@code increments} to the terms' counts and {@code articles} to the articles counted, in
   * one statement over an array of {@code [term, n]} pairs. (Two arrays joined on their index made
   * SQLite compare every term of one with every term of the other: a batch of 512 articles names
   * some 10,000 terms, and that join was four fifths of an import's CPU.)
   */
  public void countTerms(Map<String, Integer> increments, int articles) {
    if (articles == 0) {
      return;
    }
    Map<String, Integer> all = new LinkedHashMap<>(increments);
    all.merge("", articles, Integer::sum);
    try {
      if (count == null) {
        count =
            conn()
                .prepareStatement(
                    "INSERT INTO story_terms(term, n) SELECT value ->> 0, CAST(value ->> 1 AS"
                        + " INTEGER) FROM "
                        + engine().jsonValues()
                        + " WHERE true ON CONFLICT(term) DO UPDATE SET n = story_terms.n +"
                        + " excluded.n");
      }
      count.setString(1, pairs(all));
      count.executeUpdate();
      if (cached()) {
        for (Map.Entry<String, Integer> e : all.entrySet()) {
          termCounts.computeIfPresent(e.getKey(), (t, n) -> n + e.getValue());
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot count story terms", e), e);
    }
  }

  /**
   * The stories holding any of {@code keys} whose latest member holding it is on {@code since} or
   * later: at most {@link Stories#PER_KEY} per key, the most recent, each with what it shares.
   */
  public List<Stories.Candidate> candidates(List<String> keys, String since) {
    if (keys.isEmpty()) {
      return List.of();
    }
    if (cached()) {
      List<Stories.Candidate> known = knownCandidates(keys, since);
      if (known != null) {
        return known;
      }
    }
    for (String k : keys) {
      if (pendingKeys.containsKey(k)) {
        // the look-up must see the keys kept: written first, so the order and limit are SQL's
        flushKeys();
        break;
      }
    }
    try {
      if (candidates == null) {
        String perKey =
            "SELECT * FROM (SELECT term, story_id, n FROM story_keys WHERE term = ? AND last >= ?"
                + " ORDER BY last DESC LIMIT "
                + Stories.PER_KEY
                + ") p";
        candidates =
            conn()
                .prepareStatement(
                    "SELECT k.story_id, s.size, k.term, k.n FROM ("
                        + String.join(
                            " UNION ALL ", java.util.Collections.nCopies(Stories.KEYS, perKey))
                        + ") k JOIN stories s ON s.id = k.story_id ORDER BY k.story_id");
      }
      for (int i = 0; i < Stories.KEYS; i++) {
        candidates.setString(2 * i + 1, i < keys.size() ? keys.get(i) : null);
        candidates.setString(2 * i + 2, since);
      }
      Map<Long, Stories.Candidate> out = new LinkedHashMap<>();
      try (ResultSet rs = candidates.executeQuery()) {
        while (rs.next()) {
          long story = rs.getLong(1);
          int size = rs.getInt(2);
          out.computeIfAbsent(story, s -> new Stories.Candidate(s, size, new HashMap<>()))
              .shared()
              .put(rs.getString(3), rs.getInt(4));
        }
      }
      return new ArrayList<>(out.values());
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot look up stories", e), e);
    }
  }

  /** A new, empty story's id. */
  public long newStory() {
    try {
      if (newStory == null) {
        newStory = conn().prepareStatement("INSERT INTO stories(size) VALUES (0) RETURNING id");
      }
      try (ResultSet rs = newStory.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        if (cached()) {
          sizes.put(id, 0);
        }
        return id;
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot start a story", e), e);
    }
  }

  /**
   * Keys counted by {@link #addKeys} and not yet written: term, then story, to the members added
   * and their latest day. They are written in one statement when a look-up names one of their
   * terms, and at the end of a placement ({@link #flushKeys}).
   */
  private final Map<String, Map<Long, PendingKey>> pendingKeys = new HashMap<>();

  private int pendingRows;

  /** Members added to a key of a story and the latest of their days. */
  private static final class PendingKey {
    int n;
    String last;

    PendingKey(String last) {
      this.last = last;
    }
  }

  /**
   * Counts {@code keys} (names) as keys of {@code story}, for a member of day {@code day}: the part
   * of placing an article that the next placement reads. Kept in memory until a look-up of {@link
   * #candidates} names one of the keys or {@link #flushKeys} is called, so that a batch's keys take
   * a few statements rather than one an article; {@link #candidates} always reads them as if
   * written. The member's own row and the story's size follow with {@link #joinAll} and {@link
   * #grow}; call inside {@link Archive#write}.
   */
  public void addKeys(long story, String day, List<String> keys) {
    boolean cached = cached();
    for (String k : keys) {
      if (cached) {
        keyRows.computeIfPresent(k, (t, rows) -> rows.add(story, day));
      }
      Map<Long, PendingKey> byStory = pendingKeys.computeIfAbsent(k, t -> new HashMap<>());
      PendingKey p = byStory.get(story);
      if (p == null) {
        p = new PendingKey(day);
        byStory.put(story, p);
        pendingRows++;
      } else if (day.compareTo(p.last) > 0) {
        p.last = day;
      }
      p.n++;
    }
  }

  /** Keys kept by {@link #addKeys} and not written, thrown away (the transaction failed). */
  public void discardKeys() {
    pendingKeys.clear();
    pendingRows = 0;
  }

  /**
   * Writes the keys {@link #addKeys} kept, in one statement (in key order); call inside {@link
   * Archive#write}, before anything else reads {@code story_keys}.
   */
  public void flushKeys() {
    if (pendingRows == 0) {
      return;
    }
    StringBuilder b = new StringBuilder(pendingRows * 40).append('[');
    for (String term : new java.util.TreeSet<>(pendingKeys.keySet())) {
      Map<Long, PendingKey> byStory = pendingKeys.get(term);
      for (Long story : new java.util.TreeSet<>(byStory.keySet())) {
        PendingKey p = byStory.get(story);
        b.append(b.length() > 1 ? ",[" : "[");
        SimilarityRepository.appendJsonString(b, term);
        b.append(',').append(story.longValue()).append(',').append(p.n).append(',');
        SimilarityRepository.appendJsonString(b, p.last);
        b.append(']');
      }
    }
    String json = b.append(']').toString();
    discardKeys();
    try {
      if (joinKeys == null) {
        joinKeys =
            conn()
                .prepareStatement(
                    "INSERT INTO story_keys(term, story_id, n, last) SELECT value ->> 0,"
                        + " CAST(value ->> 1 AS BIGINT), CAST(value ->> 2 AS INTEGER), value ->> 3"
                        + " FROM "
                        + engine().jsonValues()
                        + " WHERE true ON CONFLICT(term, story_id) DO UPDATE SET n = story_keys.n"
                        + " + excluded.n, last = CASE WHEN excluded.last > story_keys.last THEN"
                        + " excluded.last ELSE story_keys.last END");
      }
      joinKeys.setString(1, json);
      joinKeys.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot place an article in a story", e), e);
    }
  }

  /**
   * An article placed in a story on a day, with the keys that placed it; a copy has none and
   * follows its original.
   */
  public record Member(long id, long story, String day, List<String> keys) {}

  /** Members {@link #joinAll} puts in one statement. */
  static final int MEMBERS_PER_INSERT = 128;

  /**
   * Stores the rows of {@code members}, many to a statement: no placement reads them, so a batch's
   * members are written together once all are placed. Call inside {@link Archive#write}.
   */
  public void joinAll(List<Member> members) {
    try {
      for (int from = 0; from < members.size(); from += MEMBERS_PER_INSERT) {
        List<Member> part =
            members.subList(from, Math.min(members.size(), from + MEMBERS_PER_INSERT));
        boolean full = part.size() == MEMBERS_PER_INSERT;
        PreparedStatement st = full ? joinMembers : null;
        if (st == null) {
          st =
              conn()
                  .prepareStatement(
                      archive
                          .engine()
                          .upsert(
                              "story_members",
                              "article_id",
                              List.of("article_id", "story_id", "day", "keys", "pinned"),
                              "VALUES "
                                  + String.join(
                                      ", ",
                                      java.util.Collections.nCopies(
                                          part.size(), "(?, ?, ?, ?, 0)"))));
          if (full) {
            joinMembers = st;
          }
        }
        try {
          int p = 1;
          for (Member m : part) {
            st.setLong(p++, m.id());
            st.setLong(p++, m.story());
            st.setString(p++, m.day());
            st.setString(p++, SimilarityRepository.jsonArray(m.keys()));
          }
          st.executeUpdate();
        } finally {
          if (!full) {
            st.close();
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot place an article in a story", e), e);
    }
  }

  /**
   * Adds to the size of each story its members with keys placed since the last call ({@code
   * increments}: story id to members), in one statement; call inside {@link Archive#write}.
   */
  public void grow(Map<Long, Integer> increments) {
    if (increments.isEmpty()) {
      return;
    }
    try {
      if (grow == null) {
        // every story named exists (newStory made it): the insert always meets its row
        grow =
            conn()
                .prepareStatement(
                    "INSERT INTO stories(id, size) SELECT CAST(value ->> 0 AS BIGINT),"
                        + " CAST(value ->> 1 AS INTEGER) FROM "
                        + engine().jsonValues()
                        + " WHERE true ON CONFLICT(id) DO UPDATE SET size = stories.size +"
                        + " excluded.size");
      }
      grow.setString(1, pairs(increments));
      grow.executeUpdate();
      if (cached()) {
        for (Map.Entry<Long, Integer> e : increments.entrySet()) {
          sizes.computeIfPresent(e.getKey(), (story, n) -> n + e.getValue());
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot place an article in a story", e), e);
    }
  }

  /** A JSON array of {@code [key, n]} pairs: a string key as a JSON string, a number as it is. */
  private static String pairs(Map<?, Integer> counts) {
    StringBuilder b = new StringBuilder(counts.size() * 24).append('[');
    for (Map.Entry<?, Integer> e : counts.entrySet()) {
      b.append(b.length() > 1 ? ",[" : "[");
      if (e.getKey() instanceof String k) {
        SimilarityRepository.appendJsonString(b, k);
      } else {
        b.append(e.getKey());
      }
      b.append(',').append(e.getValue().intValue()).append(']');
    }
    return b.append(']').toString();
  }

  /** The story an article belongs to, if any. */
  public Optional<Long> storyOf(long id) {
    try {
      if (storyOf == null) {
        storyOf =
            conn().prepareStatement("SELECT story_id FROM story_members WHERE article_id = ?");
      }
      storyOf.setLong(1, id);
      try (ResultSet rs = storyOf.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read stories", e), e);
    }
  }

  /** The stories of the articles {@code ids} names, each once, in order of story id. */
  public List<Long> storiesAmong(List<Long> ids) {
    List<Long> out = new ArrayList<>();
    query(
        "SELECT DISTINCT m.story_id FROM "
            + engine().ids("j")
            + " JOIN story_members m ON m.article_id = j.value ORDER BY 1",
        ids.toString(),
        rs -> out.add(rs.getLong(1)));
    return out;
  }

  /**
   * How many existing articles each story holds, by story id: of every story with one at least, or
   * of the stories {@code stories} names.
   */
  public Map<Long, Integer> sizes(List<Long> stories) {
    Map<Long, Integer> out = new LinkedHashMap<>();
    String members =
        " JOIN articles a ON a.id = m.article_id GROUP BY m.story_id ORDER BY m.story_id";
    Row row = rs -> out.put(rs.getLong(1), rs.getInt(2));
    if (stories == null) {
      query("SELECT m.story_id, count(*) FROM story_members m" + members, null, row);
    } else {
      query(
          "SELECT m.story_id, count(*) FROM "
              + engine().ids("j")
              + " JOIN story_members m ON m.story_id = j.value"
              + members,
          stories.toString(),
          row);
    }
    return out;
  }

  /**
   * For those of the articles {@code ids} that belong to a story, its id (article id to story id);
   * the review UI groups its list into threads with it.
   */
  public Map<Long, Long> storiesOf(List<Long> ids) {
    Map<Long, Long> out = new HashMap<>();
    query(
        "SELECT m.article_id, m.story_id FROM "
            + engine().ids("j")
            + " JOIN story_members m ON m.article_id = j.value",
        ids.toString(),
        rs -> out.put(rs.getLong(1), rs.getLong(2)));
    return out;
  }

  /**
   * What a listing says of each story: the earliest member that is not a copy (the one its title
   * comes from), the span of publication days (null when no member states a date: the day an
   * undated article was imported places it in time but is not shown as its date), the outlets
   * (source, else site) and how many members exist. Stories with no member left are left out.
   */
  public List<Summary> summaries(List<Long> stories) {
    Map<Long, long[]> firsts = new LinkedHashMap<>();
    Map<Long, String[]> spans = new HashMap<>();
    Map<Long, TreeSet<String>> outlets = new HashMap<>();
    query(
        "SELECT m.story_id, count(*), min(substr(a.published, 1, 10)), max(substr(a.published, 1,"
            + " 10)), (SELECT x.article_id FROM"
            + " story_members x JOIN articles b ON b.id = x.article_id WHERE x.story_id = m.story_id"
            + " ORDER BY x.keys = '[]', x.day, x.article_id LIMIT 1) FROM "
            + engine().ids("j")
            + " JOIN story_members m ON m.story_id = j.value JOIN articles a ON a.id ="
            + " m.article_id GROUP BY m.story_id ORDER BY m.story_id",
        stories.toString(),
        rs -> {
          firsts.put(rs.getLong(1), new long[] {rs.getLong(5), rs.getLong(2)});
          spans.put(rs.getLong(1), new String[] {rs.getString(3), rs.getString(4)});
        });
    query(
        "SELECT DISTINCT m.story_id, coalesce(nullif(a.source, ''), a.url_key, a.url) FROM "
            + engine().ids("j")
            + " JOIN story_members m ON m.story_id = j.value JOIN articles a ON a.id ="
            + " m.article_id WHERE coalesce(nullif(a.source, ''), a.url_key, a.url) IS NOT NULL",
        stories.toString(),
        rs ->
            outlets
                .computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                .add(outlet(rs.getString(2))));
    List<Summary> out = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : firsts.entrySet()) {
      String[] span = spans.get(e.getKey());
      out.add(
          new Summary(
              e.getKey(),
              e.getValue()[0],
              span[0],
              span[1],
              List.copyOf(outlets.getOrDefault(e.getKey(), new TreeSet<>())),
              (int) e.getValue()[1]));
    }
    return out;
  }

  /** A source as it is; an address by its host. */
  private static String outlet(String s) {
    int scheme = s.indexOf("://");
    if (scheme < 0) {
      return s;
    }
    String rest = s.substring(scheme + 3);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** The members of a story that exist, by day and id. */
  public List<Long> members(long story) {
    List<Long> out = new ArrayList<>();
    query(
        "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE"
            + " m.story_id = ? ORDER BY m.day, m.article_id",
        story,
        rs -> out.add(rs.getLong(1)));
    return out;
  }

  /**
   * Moves the articles {@code ids} (members of stories already) into {@code story}, pinned as a
   * person's decision, in change {@code journal}: each article's old story and pin are journaled,
   * and the keys of every story touched are counted again. Call inside {@link Archive#write}.
   */
  public void move(long journal, List<Long> ids, long story) {
    try {
      String json = ids.toString();
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "INSERT INTO journal_entries(journal_id, kind, article_id, field, old) SELECT ?,"
                      + " 'story', m.article_id, CAST(m.pinned AS TEXT), CAST(m.story_id AS TEXT)"
                      + " FROM "
                      + engine().ids("j")
                      + " JOIN story_members m ON m.article_id = j.value")) {
        st.setLong(1, journal);
        st.setString(2, json);
        st.executeUpdate();
      }
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "INSERT INTO journal_entries(journal_id, kind, field) SELECT DISTINCT ?,"
                      + " 'storyrow', CAST(s AS TEXT) FROM (SELECT m.story_id AS s FROM "
                      + engine().ids("j")
                      + " JOIN story_members m ON m.article_id = j.value UNION SELECT ?) u WHERE s"
                      + " NOT IN (SELECT CAST(field AS BIGINT) FROM journal_entries WHERE"
                      + " journal_id = ? AND kind = 'storyrow')")) {
        st.setLong(1, journal);
        st.setString(2, json);
        st.setLong(3, story);
        st.setLong(4, journal);
        st.executeUpdate();
      }
      run(unkey(engine()), journal);
      try (PreparedStatement st =
          conn()
              .prepareStatement(
                  "UPDATE story_members SET story_id = ?, pinned = 1 WHERE article_id IN (SELECT"
                      + " j.value FROM "
                      + engine().ids("j")
                      + ")")) {
        st.setLong(1, story);
        st.setString(2, json);
        st.executeUpdate();
      }
      run(rekey(engine()), journal);
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot move articles between stories", e), e);
    }
  }

  private static final String TOUCHED =
      "SELECT CAST(field AS BIGINT) FROM journal_entries WHERE journal_id = ? AND kind ="
          + " 'storyrow'";

  /** Each key {@code k} of each member {@code m} of the stories a change touches. */
  private static String touchedKeys(Engine engine) {
    return " story_members m, "
        + engine.strings("m.keys", "k")
        + " WHERE m.story_id IN ("
        + TOUCHED
        + ")";
  }

  /** Takes the keys of the stories a change touches away, before their members move. */
  static List<String> unkey(Engine engine) {
    return List.of(
        "DELETE FROM story_keys WHERE (term, story_id) IN (SELECT k.value, m.story_id FROM"
            + touchedKeys(engine)
            + ")");
  }

  /**
   * Counts the keys and keyed members of the stories a change touches, once their members moved.
   */
  static List<String> rekey(Engine engine) {
    return List.of(
        "INSERT INTO story_keys(term, story_id, n, last) SELECT k.value, m.story_id, count(*),"
            + " max(m.day) FROM"
            + touchedKeys(engine)
            + " GROUP BY k.value, m.story_id",
        "UPDATE stories SET size = (SELECT count(*) FROM story_members m WHERE m.story_id ="
            + " stories.id AND m.keys <> '[]') WHERE id IN ("
            + TOUCHED
            + ")");
  }

  /** Undoing a merge or split puts each article back in its story, with its old pin. */
  static List<String> undo(Engine engine) {
    return java.util.stream.Stream.of(
            unkey(engine),
            List.of(
                "UPDATE story_members SET story_id = (SELECT CAST(e.old AS BIGINT) FROM"
                    + " journal_entries e WHERE e.journal_id = ? AND e.kind = 'story' AND"
                    + " e.article_id = story_members.article_id), pinned = (SELECT CAST(e.field AS"
                    + " INTEGER) FROM journal_entries e WHERE e.journal_id = ? AND e.kind ="
                    + " 'story' AND e.article_id = story_members.article_id) WHERE article_id IN"
                    + " (SELECT article_id FROM journal_entries WHERE journal_id = ? AND kind ="
                    + " 'story')"),
            rekey(engine))
        .flatMap(List::stream)
        .toList();
  }

  private void run(List<String> statements, long journal) throws SQLException {
    for (String sql : statements) {
      try (PreparedStatement st = conn().prepareStatement(sql)) {
        Journal.bindEach(st, sql, journal);
        st.executeUpdate();
      }
    }
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql} with its one parameter {@code param} (none when null), row by row. */
  private void query(String sql, Object param, Row row) {
    try (PreparedStatement st = conn().prepareStatement(sql)) {
      if (param != null) {
        st.setObject(1, param);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException(Archive.describe("cannot read stories", e), e);
    }
  }
}
