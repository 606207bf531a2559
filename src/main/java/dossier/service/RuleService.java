package dossier.service;

import dossier.core.NotFoundException;
import dossier.core.Tags;
import dossier.core.UsageException;
import dossier.query.CompiledQuery;
import dossier.store.Archive;
import dossier.store.RuleRepository.Rule;
import dossier.store.Selection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Auto-tag rules: a query and a tag. They run on every import and on demand. */
public final class RuleService {
  private final Archive archive;
  private final ArticleService articles;

  public RuleService(Archive archive) {
    this.archive = archive;
    this.articles = new ArticleService(archive);
  }

  /** A rule added, with its change in the journal. */
  public record Added(long rule, long journal) {}

  /** Adds a rule after checking that its query compiles and its tag is valid; journaled. */
  public Added add(String query, String tag) {
    if (query == null || query.isBlank()) {
      throw new UsageException("a rule needs a query");
    }
    articles.compile(query);
    String q = query.trim();
    String t = Tags.normalize(tag);
    return archive.write(
        () -> {
          long j = archive.journal().begin("rules add", "added rule '" + q + "' → tag " + t);
          long id = archive.rules().add(j, q, t);
          archive.journal().setSummary(j, "added rule " + id + ": '" + q + "' → tag " + t);
          return new Added(id, j);
        });
  }

  public List<Rule> list() {
    return archive.rules().all();
  }

  /** Removes rule {@code id}, journaled so undo brings it back; returns the journal id. */
  public long remove(long id) {
    return archive.write(
        () -> {
          Rule r =
              list().stream()
                  .filter(x -> x.id() == id)
                  .findFirst()
                  .orElseThrow(() -> new NotFoundException("no rule " + id));
          long j =
              archive
                  .journal()
                  .begin(
                      "rules rm", "removed rule " + id + ": '" + r.query() + "' → tag " + r.tag());
          archive.rules().remove(j, id);
          return j;
        });
  }

  /**
   * Runs every rule on the stored articles (only those matching {@code restrict}, when given), as
   * one change that undo reverts; returns, for each rule, how many articles it newly tagged.
   */
  public Map<Rule, Integer> apply(String restrict) {
    return apply(restrict, false);
  }

  /**
   * As {@link #apply(String)}; a dry run is the same work rolled back, so its counts are what the
   * real run would tag.
   */
  public Map<Rule, Integer> apply(String restrict, boolean dryRun) {
    List<Rule> rules = list();
    CompiledQuery limit =
        restrict == null || restrict.isBlank() ? null : articles.compile(restrict);
    Map<Rule, CompiledQuery> compiled = new LinkedHashMap<>();
    for (Rule r : rules) {
      compiled.put(r, articles.compile(r.query()));
    }
    Archive.Work<Map<Rule, Integer>> work =
        () -> {
          long j =
              archive
                  .journal()
                  .begin(
                      "rules apply",
                      "applied "
                          + rules.size()
                          + " rules"
                          + (limit == null ? "" : " on '" + restrict.trim() + "'"));
          Map<Rule, Integer> out = new LinkedHashMap<>();
          for (Map.Entry<Rule, CompiledQuery> e : compiled.entrySet()) {
            Selection sel = archive.select(e.getValue());
            if (limit != null) {
              sel.retain(limit);
            }
            out.put(e.getKey(), sel.addTag(j, e.getKey().tag()));
          }
          archive.journal().discardIfEmpty(j);
          return out;
        };
    return dryRun ? archive.rehearse(work) : archive.write(work);
  }
}
