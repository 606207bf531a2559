package dossier.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * When a new article belongs to a stored story. An article's keys are its {@value #KEYS} rarest
 * names, weighted by rarity in the archive (inverse document frequency) and by how often the
 * article repeats them; a story's keys are its members' keys, counted. The article joins the story
 * whose keys cover the largest share of its own keys' weight, when at least {@value #MIN_SHARED}
 * keys are shared and the share reaches {@value #MIN_SCORE}; a key that few members of a large
 * story hold counts for less, so a story does not drift from one event to the next by a single
 * passing name.
 */
public final class Stories {
  /** Keys kept per article. */
  public static final int KEYS = 8;

  /** Days around a story's latest article within which a new one may join it. */
  public static final int WINDOW_DAYS = 14;

  /** Stories looked at per key, the most recent first: the work per article stays bounded. */
  public static final int PER_KEY = 32;

  /** Keys an article shares with a story at the least. */
  public static final int MIN_SHARED = 2;

  /** Share of an article's key weight that a story must cover. */
  public static final double MIN_SCORE = 0.4;

  /**
   * Articles assumed at the least when judging rarity: in a small archive every name is rare, and a
   * name is common only once many articles say so.
   */
  public static final long MIN_ARTICLES = 1000;

  /** A name in more than this share of the articles is too common to be a key. */
  public static final double COMMON = 0.02;

  /** A key of an article and its weight. */
  public record Key(String term, double weight) {}

  /** A story sharing keys with an article: its keyed members and, per shared key, members. */
  public record Candidate(long story, int size, Map<String, Integer> shared) {}

  private Stories() {}

  /**
   * The article's keys: its names weighted by rarity ({@code df} gives in how many of {@code
   * articles} articles each occurs) and repetition, common ones left out, the heaviest first.
   */
  public static List<Key> keys(
      Map<String, Integer> names, ToLongFunction<String> df, long articles) {
    double n = Math.max(articles, MIN_ARTICLES);
    List<Key> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      long d = df.applyAsLong(e.getKey());
      if (d > COMMON * n) {
        continue;
      }
      double rarity = Math.log((n + 1) / (d + 1.0));
      out.add(new Key(e.getKey(), rarity * (1 + Math.log(e.getValue()))));
    }
    out.sort((a, b) -> Double.compare(b.weight(), a.weight()));
    return List.copyOf(out.subList(0, Math.min(KEYS, out.size())));
  }

  /** How well a story covers an article's keys, from 0 to 1. */
  public static double score(List<Key> keys, Candidate c) {
    double all = 0;
    double covered = 0;
    for (Key k : keys) {
      all += k.weight();
      Integer held = c.shared().get(k.term());
      if (held != null) {
        covered += k.weight() * Math.min(1.0, 2.0 * held / Math.max(1, c.size()));
      }
    }
    return all == 0 ? 0 : covered / all;
  }

  /** The candidate the article joins, or null when none is close enough. */
  public static Candidate best(List<Key> keys, List<Candidate> candidates) {
    Candidate best = null;
    double bestScore = 0;
    for (Candidate c : candidates) {
      if (c.shared().size() < MIN_SHARED) {
        continue;
      }
      double s = score(keys, c);
      if (s >= MIN_SCORE && s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }
}
