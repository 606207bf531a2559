package dossier.service;

import dossier.core.Article;
import dossier.store.Archive;
import dossier.store.CopyRepository.Link;
import dossier.store.Sort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
      Optional<Article> o = archive.articles().get(original);
      if (o.isEmpty()) {
        continue;
      }
      List<Copy> copies = new ArrayList<>();
      for (Link l : archive.copies().copiesOf(original)) {
        archive
            .articles()
            .get(l.copy())
            .ifPresent(
                c ->
                    copies.add(new Copy(c, l.resemblance(), l.containment(), differs(o.get(), c))));
      }
      if (!copies.isEmpty()) {
        out.add(new Group(o.get(), copies));
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
    List<String> out = new ArrayList<>();
    if (!norm(original.title()).equals(norm(copy.title()))) {
      out.add("new title");
    }
    List<String> a = paragraphs(original.body());
    List<String> b = paragraphs(copy.body());
    Set<String> inA = new HashSet<>(a);
    Set<String> inB = new HashSet<>(b);
    List<String> onlyA = a.stream().filter(p -> !inB.contains(p)).toList();
    List<String> onlyB = b.stream().filter(p -> !inA.contains(p)).toList();
    int reworded = 0;
    Set<String> matched = new HashSet<>();
    for (String p : onlyB) {
      for (String q : onlyA) {
        if (!matched.contains(q) && alike(p, q)) {
          matched.add(q);
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

  private static List<String> paragraphs(String body) {
    List<String> out = new ArrayList<>();
    for (String p : (body == null ? "" : body).split("\n\\s*\n")) {
      String n = norm(p);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  private static String norm(String s) {
    return s == null
        ? ""
        : String.join(" ", s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip();
  }

  /** Two paragraphs that share most of their words: one is the other with a few words changed. */
  private static boolean alike(String p, String q) {
    Set<String> a = new HashSet<>(List.of(p.split(" ")));
    Set<String> b = new HashSet<>(List.of(q.split(" ")));
    int shared = 0;
    for (String w : a) {
      shared += b.contains(w) ? 1 : 0;
    }
    return shared >= 0.7 * Math.max(a.size(), b.size());
  }
}
