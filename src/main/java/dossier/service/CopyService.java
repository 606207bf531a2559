package dossier.service;

import dossier.core.Article;
import dossier.core.Text;
import dossier.store.Archive;
import dossier.store.CopyRepository.Link;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Near-duplicate copies: the groups a query touches, what differs in each copy, an article's kin.
 */
public final class CopyService {
  /** A copy beside its original, and in a few words what differs. */
  public record Copy(
      Article article, double resemblance, double containment, List<String> differs) {}

  /** An original (the earliest article of the story) and its copies, oldest first. */
  public record Group(Article original, List<Copy> copies) {}

  /** What an article is: the original it copies, or the copies of it (either may be empty). */
  public record Kin(Optional<Long> original, List<Long> copies) {}

  private final Archive archive;

  public CopyService(Archive archive) {
    this.archive = archive;
  }

  /** The groups of copies with at least one article matching {@code query}, by original id. */
  public List<Group> groups(String query) {
    List<Long> ids = new ArrayList<>();
    new ArticleService(archive).list(query, Sort.OLDEST, 0, 0, false, a -> ids.add(a.id()));
    List<Group> out = new ArrayList<>();
    for (long original : archive.copies().originalsAmong(ids)) {
      List<Link> links = archive.copies().copiesOf(original);
      List<Long> group = new ArrayList<>(links.size() + 1);
      group.add(original);
      for (Link l : links) {
        group.add(l.copy());
      }
      Map<Long, Article> read = archive.articles().getAll(group);
      Article o = read.get(original);
      if (o == null) {
        continue;
      }
      Compared was = new Compared(o);
      List<Copy> copies = new ArrayList<>();
      for (Link l : links) {
        Article c = read.get(l.copy());
        if (c != null) {
          copies.add(new Copy(c, l.resemblance(), l.containment(), differs(was, new Compared(c))));
        }
      }
      if (!copies.isEmpty()) {
        out.add(new Group(o, copies));
      }
    }
    return out;
  }

  /** The article's original, if it is a copy, and the copies of it (or of its original). */
  public Kin kin(long id) {
    Optional<Link> link = archive.copies().linkOf(id);
    long root = link.map(Link::original).orElse(id);
    List<Long> copies = new ArrayList<>();
    for (Link l : archive.copies().copiesOf(root)) {
      if (l.copy() != id) {
        copies.add(l.copy());
      }
    }
    return new Kin(link.map(Link::original), copies);
  }

  /**
   * What a copy changed from its original: the headline, paragraphs added, cut or reworded, their
   * order. Paragraphs compare by their words, so spacing and case do not count.
   */
  static List<String> differs(Article original, Article copy) {
    return differs(new Compared(original), new Compared(copy));
  }

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");

  /**
   * An article as {@link #differs} compares it: its title and paragraphs normalized (lower case,
   * words joined by one space), and each paragraph's set of words, made once an article.
   */
  private static final class Compared {
    final String title;
    final List<String> paragraphs = new ArrayList<>();
    private final List<Set<String>> words = new ArrayList<>();

    Compared(Article a) {
      title = norm(a.title());
      for (String p : PARAGRAPH_BREAK.split(a.body() == null ? "" : a.body())) {
        String n = norm(p);
        if (!n.isEmpty()) {
          paragraphs.add(n);
          words.add(null);
        }
      }
    }

    /** The words of paragraph {@code i}, made when first asked for (most are never compared). */
    Set<String> words(int i) {
      Set<String> w = words.get(i);
      if (w == null) {
        w = new HashSet<>(List.of(paragraphs.get(i).split(" ")));
        words.set(i, w);
      }
      return w;
    }
  }

  private static List<String> differs(Compared original, Compared copy) {
    List<String> out = new ArrayList<>();
    if (!original.title.equals(copy.title)) {
      out.add("new title");
    }
    List<String> a = original.paragraphs;
    List<String> b = copy.paragraphs;
    Set<String> inA = new HashSet<>(a);
    Set<String> inB = new HashSet<>(b);
    List<Integer> onlyA = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!inB.contains(a.get(i))) {
        onlyA.add(i);
      }
    }
    List<Integer> onlyB = new ArrayList<>();
    for (int j = 0; j < b.size(); j++) {
      if (!inA.contains(b.get(j))) {
        onlyB.add(j);
      }
    }
    int reworded = 0;
    Set<String> matched = new HashSet<>();
    for (int j : onlyB) {
      for (int i : onlyA) {
        if (!matched.contains(a.get(i)) && alike(copy.words(j), original.words(i))) {
          matched.add(a.get(i));
          reworded++;
          break;
        }
      }
    }
    int added = onlyB.size() - reworded;
    int cut = onlyA.size() - reworded;
    if (added > 0) {
      out.add(count(added, "paragraph") + " added");
    }
    if (cut > 0) {
      out.add(count(cut, "paragraph") + " cut");
    }
    if (reworded > 0) {
      out.add(count(reworded, "paragraph") + " reworded");
    }
    List<String> sharedA = a.stream().filter(inB::contains).toList();
    List<String> sharedB =
        new ArrayList<>(new LinkedHashSet<>(b.stream().filter(inA::contains).toList()));
    if (!new ArrayList<>(new LinkedHashSet<>(sharedA)).equals(sharedB)) {
      out.add("paragraphs reordered");
    }
    if (out.isEmpty()) {
      out.add("the same words");
    }
    return out;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** The words of {@code s} (see {@link Text#words}); none for null. */
  static String norm(String s) {
    return s == null ? "" : Text.words(s);
  }

  /**
   * Two paragraphs (their sets of words) that share most of their words: one is the other with a
   * few words changed.
   */
  private static boolean alike(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String w : a) {
      shared += b.contains(w) ? 1 : 0;
    }
    return shared >= 0.7 * Math.max(a.size(), b.size());
  }
}
