package dossier.service;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.NotFoundException;
import dossier.core.Status;
import dossier.core.TagChange;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.query.CompiledQuery;
import dossier.store.Archive;
import dossier.store.Journal;
import dossier.store.Journal.Change;
import dossier.store.Journal.Undone;
import dossier.store.Selection;
import dossier.store.TagRepository.TagCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change a user makes to stored articles: tags, status and star, notes, deletion, tag renames
 * and merges, and undo. Each runs in one transaction with its journal record. The review UI and the
 * commands both call these methods.
 */
public final class EditService {
  private final Archive archive;
  private final ArticleService articles;

  public EditService(Archive archive) {
    this.archive = archive;
    this.articles = new ArticleService(archive);
  }

  /**
   * What a change did (or, in a dry run, would do).
   *
   * @param selected how many articles the query or ids selected
   * @param perOperation for each operation ("+economy", "-draft", "status reviewed"), how many
   *     articles it changed
   * @param changed how many distinct articles changed
   * @param journal the change's id in the journal ({@code dossier undo --id}), or 0 when nothing
   *     changed or in a dry run
   */
  public record Result(
      int selected, Map<String, Integer> perOperation, int changed, boolean dryRun, long journal) {
    public Result(int selected, Map<String, Integer> perOperation, int changed, boolean dryRun) {
      this(selected, perOperation, changed, dryRun, 0);
    }
  }

  /** The articles a selector names, for a change in the open transaction. */
  private Selection select(Selector s) {
    if (s.byIds()) {
      Selection sel = archive.select(s.ids());
      long asked = s.ids().stream().distinct().count();
      if (sel.count() < asked) {
        // an id that names no article is "not found" (exit 4), as in show: nothing is changed
        List<Long> missing = new ArrayList<>();
        for (long id : new LinkedHashSet<>(s.ids())) {
          if (archive.articles().get(id).isEmpty() && missing.add(id) && missing.size() == 5) {
            break;
          }
        }
        throw new NotFoundException(
            (missing.size() == 1 ? "no article with id " : "no articles with ids ")
                + missing.toString().replace("[", "").replace("]", "")
                + (asked - sel.count() > missing.size() ? " and more" : "")
                + "; nothing was changed");
      }
      return sel;
    }
    if (s.query() == null || s.query().isBlank()) {
      throw new UsageException("a change needs a query or ids (use '*' for every article)");
    }
    String q = s.query().trim();
    CompiledQuery cq = q.equals("*") ? CompiledQuery.ALL : articles.compile(q);
    return archive.select(cq);
  }

  /**
   * Runs a change for real, or as a dry run: the same work rolled back, so what it reports is what
   * the real run would do. A dry run's result says so and names no journal entry.
   */
  private Result run(boolean dryRun, Archive.Work<Result> change) {
    if (!dryRun) {
      return archive.write(change);
    }
    Result r = archive.rehearse(change);
    return new Result(r.selected(), r.perOperation(), -1, true);
  }

  /** Adds and removes tags on the selected articles. */
  public Result tag(TagChange change, Selector s, boolean dryRun) {
    if (change.isEmpty()) {
      throw new UsageException("nothing to do: give tags to add (+tag) or remove (-tag)");
    }
    // Compile first so that a bad query is a usage error before any write lock is taken.
    if (!s.byIds() && s.query() != null && !s.query().isBlank() && !s.query().trim().equals("*")) {
      articles.compile(s.query());
    }
    return run(
        dryRun,
        () -> {
          Selection sel = select(s);
          Map<String, Integer> per = new LinkedHashMap<>();
          long j = archive.journal().begin("tag", describe(change, s));
          for (String t : change.add()) {
            per.put("+" + t, sel.addTag(j, t));
          }
          for (String t : change.remove()) {
            per.put("-" + t, sel.removeTag(j, t));
          }
          int changed = archive.tags().articlesChanged(j);
          archive.journal().setSummary(j, describe(change, s) + " (" + changed + " changed)");
          return new Result(sel.count(), per, changed, false, archive.journal().discardIfEmpty(j));
        });
  }

  /** Sets status and/or star. {@code status} or {@code starred} may be null (unchanged). */
  public Result mark(Status status, Boolean starred, Selector s, boolean dryRun) {
    if (status == null && starred == null) {
      throw new UsageException("nothing to do: give a status or --star/--unstar");
    }
    return run(
        dryRun,
        () -> {
          Selection sel = select(s);
          Map<String, Integer> per = new LinkedHashMap<>();
          String what =
              (status != null ? status.label() : "")
                  + (starred == null
                      ? ""
                      : (status != null ? ", " : "") + (starred ? "starred" : "unstarred"));
          long j = archive.journal().begin("mark", what + " " + target(s));
          if (status != null) {
            per.put(status.label(), sel.setStatus(j, status));
          }
          if (starred != null) {
            per.put(starred ? "starred" : "unstarred", sel.setStarred(j, starred));
          }
          int changed = archive.tags().articlesChanged(j);
          return new Result(sel.count(), per, changed, false, archive.journal().discardIfEmpty(j));
        });
  }

  /** Sets the note of one article; an empty text removes it. */
  public Result note(long id, String text) {
    articles.get(id); // not found: exit code 4
    String note = text == null || text.isBlank() ? null : text.strip();
    return archive.write(
        () -> {
          Selection sel = archive.select(List.of(id));
          long j =
              archive
                  .journal()
                  .begin("note", (note == null ? "removed note of #" : "note on #") + id);
          int c = sel.setNote(j, note);
          return new Result(1, Map.of("note", c), c, false, archive.journal().discardIfEmpty(j));
        });
  }

  /** Deletes the selected articles (undo brings them back). */
  public Result delete(Selector s, boolean dryRun) {
    return run(
        dryRun,
        () -> {
          Selection sel = select(s);
          int n = sel.count();
          long j = archive.journal().begin("rm", "deleted " + n + " " + target(s));
          int d = sel.delete(j);
          return new Result(n, Map.of("deleted", d), d, false, archive.journal().discardIfEmpty(j));
        });
  }

  /**
   * Corrects metadata fields of one article: each given field gets its value (null or empty clears
   * it) and the origin {@code edit}, which pins it against re-extraction. A field given with the
   * value it already has is pinned all the same. One journaled change; undo puts back the old
   * values and their origins.
   *
   * @param values metadata fields to their new values: a String, or a list of strings for authors
   */
  public Result edit(long id, Map<ArticleField, Object> values) {
    if (values.isEmpty()) {
      throw new UsageException("nothing to edit: give a field to change (--title, --source, ...)");
    }
    Map<ArticleField, Object> clean = new LinkedHashMap<>();
    for (Map.Entry<ArticleField, Object> e : values.entrySet()) {
      clean.put(e.getKey(), checked(e.getKey(), e.getValue()));
    }
    return archive.write(
        () -> {
          Article current = articles.get(id); // not found: exit code 4
          Article updated = current;
          Map<String, String> origins = new LinkedHashMap<>(current.provenance());
          List<String> changed = new ArrayList<>();
          for (Map.Entry<ArticleField, Object> e : clean.entrySet()) {
            ArticleField f = e.getKey();
            if (!Objects.equals(f.get(current), e.getValue()) || !current.pinned(f)) {
              changed.add(f.json());
            }
            updated = updated.with(f, e.getValue());
            origins.put(f.json(), ArticleField.EDIT);
          }
          updated = updated.withProvenance(origins);
          if (changed.isEmpty()) {
            return new Result(1, Map.of(), 0, false, 0);
          }
          long j =
              archive
                  .journal()
                  .begin("edit", "edited " + String.join(", ", changed) + " of #" + id);
          archive.journal().beforeUpdate(j, id);
          archive.edits().replaceMetadata(updated);
          Map<String, Integer> per = new LinkedHashMap<>();
          changed.forEach(f -> per.put(f, 1));
          return new Result(1, per, 1, false, j);
        });
  }

  /**
   * The value a metadata field takes from what a person typed: trimmed, on one line, null when
   * empty; dates, URLs and language codes checked. Throws {@link UsageException} naming the field.
   */
  public static Object checked(ArticleField f, Object value) {
    if (!f.isMetadata()) {
      throw new IllegalArgumentException(f + " is not a metadata field");
    }
    if (f == ArticleField.AUTHORS) {
      List<String> out = new ArrayList<>();
      if (value instanceof List<?> l) {
        for (Object o : l) {
          String a = o == null ? "" : Text.oneLine(o.toString()).strip();
          if (!a.isEmpty() && !out.contains(a)) {
            out.add(a);
          }
        }
      } else if (value != null) {
        String a = Text.oneLine(value.toString()).strip();
        if (!a.isEmpty()) {
          out.add(a);
        }
      }
      return List.copyOf(out);
    }
    String v = value == null ? "" : Text.oneLine(value.toString()).strip();
    if (v.isEmpty()) {
      if (f == ArticleField.TITLE) {
        throw new UsageException("the title cannot be empty");
      }
      return null;
    }
    switch (f) {
      case PUBLISHED -> {
        if (!RestoreChecks.isDate(v)) {
          throw new UsageException(
              "bad date '"
                  + v
                  + "' (expected YYYY-MM-DD or an ISO-8601 timestamp such as"
                  + " 2024-08-15T09:30:00Z; an empty value clears it)");
        }
      }
      case URL -> {
        if (!v.matches("(?i)https?://[^\\s/]+\\S*")) {
          throw new UsageException("bad url '" + v + "' (expected http:// or https://...)");
        }
      }
      case LANG -> {
        if (!v.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
          throw new UsageException(
              "bad language '" + v + "' (expected a code such as en or pt-BR)");
        }
      }
      default -> {}
    }
    return v;
  }

  /** How many articles a selector matches, without changing anything (for confirmations). */
  public int count(Selector s) {
    return archive.rehearse(() -> select(s).count());
  }

  public List<TagCount> tagCounts() {
    return archive.tags().counts();
  }

  /** How many articles hold {@code tag} or a tag below it (as {@code tag:TAG} selects them). */
  public long articlesUnder(String tag) {
    return archive.tags().articlesUnder(tag);
  }

  /** What a change of whole tags did: how many tags or articles it changed, and its journal id. */
  public record TagsResult(int count, long journal) {}

  public TagsResult renameTag(String from, String to) {
    String f = dossier.core.Tags.normalize(from);
    String t = dossier.core.Tags.normalize(to);
    return archive.write(
        () -> {
          long j = archive.journal().begin("tags rename", "renamed tag " + f + " to " + t);
          int n = archive.tags().rename(j, f, t);
          return new TagsResult(n, archive.journal().discardIfEmpty(j));
        });
  }

  public TagsResult mergeTags(List<String> from, String into) {
    String dst = dossier.core.Tags.normalize(into);
    List<String> srcs = new ArrayList<>();
    for (String f : from) {
      srcs.add(dossier.core.Tags.normalize(f));
    }
    return archive.write(
        () -> {
          long j =
              archive
                  .journal()
                  .begin("tags merge", "merged " + String.join(", ", srcs) + " into " + dst);
          int n = 0;
          for (String src : srcs) {
            n += archive.tags().merge(j, src, dst);
          }
          return new TagsResult(n, archive.journal().discardIfEmpty(j));
        });
  }

  public TagsResult deleteTag(String name) {
    String t = dossier.core.Tags.normalize(name);
    return archive.write(
        () -> {
          long j = archive.journal().begin("tags delete", "deleted tag " + t);
          int n = archive.tags().delete(j, t);
          return new TagsResult(n, archive.journal().discardIfEmpty(j));
        });
  }

  /**
   * Reverts the last change {@code author} made (see {@link dossier.store.Journal#undoLastBy});
   * empty when there is none left to undo.
   */
  public Optional<Undone> undoBy(String author, boolean withLater) {
    return archive.journal().undoLastBy(author, withLater);
  }

  /** Who the changes made through this archive are recorded as by; null when unknown. */
  public String author() {
    return archive.journal().author();
  }

  /** Reverts the last change, whoever made it; empty when there is nothing left to undo. */
  public Optional<Undone> undo() {
    return archive.journal().undoLast();
  }

  /**
   * Reverts change {@code id} when it is still the latest; else reverts nothing and throws {@link
   * Journal.LaterChanges} naming what came after it, unless {@code withLater} asks to revert those
   * too (newest first). The check and the revert are one transaction, so a change another process
   * commits meanwhile is never reverted in its place.
   */
  public Undone undo(long id, boolean withLater) {
    return archive.journal().undo(id, withLater);
  }

  public List<Change> log(int limit) {
    return archive.journal().recent(limit);
  }

  private static String describe(TagChange c, Selector s) {
    List<String> ops = new ArrayList<>();
    c.add().forEach(t -> ops.add("+" + t));
    c.remove().forEach(t -> ops.add("-" + t));
    return String.join(" ", ops) + " " + target(s);
  }

  private static String target(Selector s) {
    if (s.byIds()) {
      List<Long> ids = s.ids();
      String shown = ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + "…";
      return "on ids " + shown.replace("[", "").replace("]", "");
    }
    return "on '" + Text.cutAtWord(Text.oneLine(s.query()), 60) + "'";
  }
}
