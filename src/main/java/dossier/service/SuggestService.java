package dossier.service;

import dossier.core.Article;
import dossier.core.Tags;
import dossier.query.CompiledQuery;
import dossier.store.Archive;
import dossier.store.RuleRepository.Rule;
import dossier.store.SimilarityRepository.Neighbor;
import dossier.store.SimilarityRepository.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tag suggestions for one article, each with a score in 0..1 and the reason: auto-tag rules that
 * match it, the tags of the most similar tagged articles (bm25 over the article's words that weigh
 * most by tf-idf in the archive), tags the source itself lists, and, while the archive has few
 * tags, the names (places, people, organizations) the text keeps coming back to.
 */
public final class SuggestService {
  /** One suggested tag. */
  public record Suggestion(String tag, double score, String reason) {}

  /** Similar articles that vote. */
  static final int NEIGHBORS = 25;

  /** Words of the article that find its neighbors. */
  static final int QUERY_WORDS = 60;

  /** A term in more articles than this does not find neighbors (and is not counted further). */
  static final int COMMON = 500;

  /** How many articles the neighbors' query words may hold between them. */
  static final int POSTINGS = 8_000;

  /** A word as the index's tokenizer cuts it: letters and digits, no apostrophes or hyphens. */
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}]*");

  private static final Pattern NAME =
      Pattern.compile("\\p{Lu}[\\p{L}’'\\-]+(?:\\s+(?:of\\s+|de\\s+)?\\p{Lu}[\\p{L}’'\\-]+)*");

  /** "I'm", "We'll": sentence openers, not names. */
  private static final Pattern CONTRACTION = Pattern.compile("['’](m|ll|re|ve|d|t)\\b");

  private final Archive archive;
  private final ArticleService articles;

  public SuggestService(Archive archive) {
    this.archive = archive;
    this.articles = new ArticleService(archive);
  }

  public List<Suggestion> suggest(long id, int limit) {
    Article a = articles.get(id);
    Set<String> has = new HashSet<>();
    for (String t : a.tags()) {
      has.add(Tags.key(t));
    }
    Map<String, Suggestion> out = new LinkedHashMap<>();
    for (Rule r : archive.rules().all()) {
      CompiledQuery q;
      try {
        q = articles.compile(r.query());
      } catch (RuntimeException e) {
        continue;
      }
      if (archive.similarity().matches(q, id)) {
        offer(out, has, r.tag(), 1.0, "matches rule " + r.id() + " (" + r.query() + ")");
      }
    }
    for (String t : archive.similarity().sourceTags(id)) {
      offer(out, has, t, 0.8, "listed by the source");
    }
    boolean tagged = archive.similarity().anyTagged();
    if (tagged) {
      neighbors(a, out, has);
    }
    if (!tagged || out.size() < limit) {
      names(a, out, has, tagged ? 0.3 : 0.6);
    }
    List<Suggestion> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparingDouble(Suggestion::score).reversed());
    return list.size() > limit ? list.subList(0, limit) : list;
  }

  private void neighbors(Article a, Map<String, Suggestion> out, Set<String> has) {
    List<String> words = queryWords(a.title() + "\n" + a.title() + "\n" + a.body(), QUERY_WORDS);
    List<Neighbor> ns = archive.similarity().similarTagged(words, a.id(), NEIGHBORS);
    if (ns.isEmpty()) {
      return;
    }
    double best = ns.get(0).score();
    Map<String, Double> votes = new HashMap<>();
    Map<String, List<Long>> who = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    double total = 0;
    for (Neighbor n : ns) {
      // Closer neighbors weigh more; the cube sharpens the difference between close and far.
      double w = best <= 0 ? 1 : Math.pow(n.score() / best, 3);
      total += w;
      for (String t : n.tags()) {
        String k = Tags.key(t);
        votes.merge(k, w, Double::sum);
        who.computeIfAbsent(k, x -> new ArrayList<>()).add(n.id());
        names.putIfAbsent(k, t);
      }
    }
    for (Map.Entry<String, Double> e : votes.entrySet()) {
      List<Long> ids = who.get(e.getKey());
      String like =
          ids.size() == 1
              ? "#" + ids.get(0)
              : "#"
                  + ids.get(0)
                  + ", #"
                  + ids.get(1)
                  + (ids.size() > 2 ? " and " + (ids.size() - 2) + " more" : "");
      offer(
          out,
          has,
          names.get(e.getKey()),
          0.95 * e.getValue() / total,
          "similar articles are tagged so: " + like);
    }
  }

  private static void names(Article a, Map<String, Suggestion> out, Set<String> has, double top) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    String text = a.title() + ".\n" + (a.caption() == null ? "" : a.caption() + ".\n") + a.body();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String name = m.group().replaceAll("[’']s$", "").replaceAll("[’'\\-]+$", "");
      String[] parts = name.split("\\s+");
      int start = 0;
      while (start < parts.length && Stopwords.isStopword(parts[start].toLowerCase(Locale.ROOT))) {
        start++;
      }
      if (start >= parts.length) {
        continue;
      }
      name = String.join(" ", Arrays.copyOfRange(parts, start, parts.length));
      if (name.length() < 3
          || Stopwords.isCalendarWord(name.toLowerCase(Locale.ROOT))
          || CONTRACTION.matcher(name).find()) {
        continue;
      }
      counts.merge(name, 1, Integer::sum);
    }
    int max = counts.values().stream().max(Integer::compare).orElse(0);
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(12)
        .forEach(
            e ->
                offer(
                    out,
                    has,
                    e.getKey(),
                    top * e.getValue() / max,
                    "named " + e.getValue() + " times in the text"));
  }

  /**
   * The words that find a text's neighbors: one word for each of its index terms that weigh most,
   * by how often the text uses the term and how rare the term is in the archive (tf-idf, with the
   * index's own terms and document counts). A term no other article holds finds no one and is left
   * out, and so is a term in more than {@link #COMMON} articles. The terms' articles together stay
   * within {@link #POSTINGS}, so that the neighbors' query reads a bounded share of the index
   * however large the archive grows: past that, the next rarer term is taken instead.
   */
  List<String> queryWords(String text, int n) {
    Map<String, Integer> tf = wordCounts(text);
    List<Term> terms = archive.similarity().terms(new ArrayList<>(tf.keySet()), COMMON + 1);
    double articles = Math.max(archive.similarity().articleCountEstimate(), 2);
    record Weighed(String word, double weight, long articles) {}
    List<Weighed> weighed = new ArrayList<>();
    for (Term t : terms) {
      if (t.articles() < 2 || t.articles() > COMMON) {
        continue;
      }
      int f = 0;
      for (String w : t.words()) {
        f += tf.getOrDefault(w, 0);
      }
      double idf = Math.log(articles / t.articles());
      if (f > 0 && idf > 0) {
        weighed.add(new Weighed(t.words().get(0), (1 + Math.log(f)) * idf, t.articles()));
      }
    }
    weighed.sort(
        Comparator.comparingDouble(Weighed::weight).reversed().thenComparing(Weighed::word));
    List<String> out = new ArrayList<>();
    long postings = 0;
    for (Weighed w : weighed) {
      if (out.size() == n) {
        break;
      }
      if (postings + w.articles() <= POSTINGS) {
        postings += w.articles();
        out.add(w.word());
      }
    }
    return out;
  }

  /** How often a text uses each word (lowercase) of three letters or more that is no stopword. */
  static Map<String, Integer> wordCounts(String text) {
    Map<String, Integer> tf = new LinkedHashMap<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (w.length() >= 3 && !Stopwords.isStopword(w)) {
        tf.merge(w, 1, Integer::sum);
      }
    }
    return tf;
  }

  private static void offer(
      Map<String, Suggestion> out, Set<String> has, String tag, double score, String reason) {
    String name;
    try {
      name = Tags.normalize(tag);
    } catch (RuntimeException e) {
      return; // a source keyword that is not a valid tag
    }
    String key = Tags.key(name);
    if (has.contains(key)) {
      return;
    }
    Suggestion old = out.get(key);
    if (old == null) {
      out.put(key, new Suggestion(name, Math.min(1.0, score), reason));
    } else if (score > old.score()) {
      out.put(key, new Suggestion(old.tag(), Math.min(1.0, score), reason + "; " + old.reason()));
    } else {
      out.put(key, new Suggestion(old.tag(), old.score(), old.reason() + "; " + reason));
    }
  }
}
