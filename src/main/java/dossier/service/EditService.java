package dossier.service;

import dossier.core.Status;
import dossier.core.TagChange;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.query.CompiledQuery;
import dossier.store.Archive;
import dossier.store.Journal.Change;
import dossier.store.Selection;
import dossier.store.TagRepository.TagCount;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   */
  public record Result(
      int selected, Map<String, Integer> perOperation, int changed, boolean dryRun) {}

  private int select(Selector s) throws SQLException {
    Selection sel = archive.selection();
    if (s.byIds()) {
      return sel.select(s.ids());
    }
    if (s.query() == null || s.query().isBlank()) {
      throw new UsageException("a change needs a query or ids (use '*' for every article)");
    }
    String q = s.query().trim();
    CompiledQuery cq = q.equals("*") ? CompiledQuery.ALL : articles.compile(q);
    return sel.select(cq);
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
    return archive.write(
        () -> {
          int n = select(s);
          Map<String, Integer> per = new LinkedHashMap<>();
          if (dryRun) {
            for (String t : change.add()) {
              per.put("+" + t, archive.tags().wouldChange(t, true));
            }
            for (String t : change.remove()) {
              per.put("-" + t, archive.tags().wouldChange(t, false));
            }
            return new Result(n, per, -1, true);
          }
          long j = archive.journal().begin("tag", describe(change, s));
          for (String t : change.add()) {
            per.put("+" + t, archive.tags().add(j, t));
          }
          for (String t : change.remove()) {
            per.put("-" + t, archive.tags().remove(j, t));
          }
          int changed = archive.tags().articlesChanged(j);
          archive.journal().setSummary(j, describe(change, s) + " (" + changed + " changed)");
          archive.journal().discardIfEmpty(j);
          return new Result(n, per, changed, false);
        });
  }

  /** Sets status and/or star. {@code status} or {@code starred} may be null (unchanged). */
  public Result mark(Status status, Boolean starred, Selector s, boolean dryRun) {
    if (status == null && starred == null) {
      throw new UsageException("nothing to do: give a status or --star/--unstar");
    }
    return archive.write(
        () -> {
          int n = select(s);
          Map<String, Integer> per = new LinkedHashMap<>();
          String what =
              (status != null ? status.label() : "")
                  + (starred == null
                      ? ""
                      : (status != null ? ", " : "") + (starred ? "starred" : "unstarred"));
          if (dryRun) {
            if (status != null) {
              per.put(status.label(), archive.edits().wouldChange("status", status.label()));
            }
            if (starred != null) {
              per.put(
                  starred ? "starred" : "unstarred",
                  archive.edits().wouldChange("starred", starred ? 1 : 0));
            }
            return new Result(n, per, -1, true);
          }
          long j = archive.journal().begin("mark", what + " " + target(s));
          if (status != null) {
            per.put(status.label(), archive.edits().setStatus(j, status));
          }
          if (starred != null) {
            per.put(starred ? "starred" : "unstarred", archive.edits().setStarred(j, starred));
          }
          int changed = archive.tags().articlesChanged(j);
          archive.journal().discardIfEmpty(j);
          return new Result(n, per, changed, false);
        });
  }

  /** Sets the note of one article; an empty text removes it. */
  public Result note(long id, String text) {
    articles.get(id); // not found: exit code 4
    String note = text == null || text.isBlank() ? null : text.strip();
    return archive.write(
        () -> {
          archive.selection().select(List.of(id));
          long j =
              archive
                  .journal()
                  .begin("note", (note == null ? "removed note of #" : "note on #") + id);
          int c = archive.edits().setNote(j, note);
          archive.journal().discardIfEmpty(j);
          return new Result(1, Map.of("note", c), c, false);
        });
  }

  /** Deletes the selected articles (undo brings them back). */
  public Result delete(Selector s, boolean dryRun) {
    return archive.write(
        () -> {
          int n = select(s);
          if (dryRun) {
            return new Result(n, Map.of("deleted", n), n, true);
          }
          long j = archive.journal().begin("rm", "deleted " + n + " " + target(s));
          int d = archive.edits().delete(j);
          archive.journal().discardIfEmpty(j);
          return new Result(n, Map.of("deleted", d), d, false);
        });
  }

  /** How many articles a selector matches, without changing anything (for confirmations). */
  public int count(Selector s) {
    return archive.write(() -> select(s));
  }

  public List<TagCount> tagCounts() {
    return archive.tags().counts();
  }

  public int renameTag(String from, String to) {
    String f = dossier.core.Tags.normalize(from);
    String t = dossier.core.Tags.normalize(to);
    return archive.write(
        () -> {
          long j = archive.journal().begin("tags rename", "renamed tag " + f + " to " + t);
          int n = archive.tags().rename(j, f, t);
          archive.journal().discardIfEmpty(j);
          return n;
        });
  }

  public int mergeTags(List<String> from, String into) {
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
          archive.journal().discardIfEmpty(j);
          return n;
        });
  }

  public int deleteTag(String name) {
    String t = dossier.core.Tags.normalize(name);
    return archive.write(
        () -> {
          long j = archive.journal().begin("tags delete", "deleted tag " + t);
          int n = archive.tags().delete(j, t);
          archive.journal().discardIfEmpty(j);
          return n;
        });
  }

  /** Reverts the last change; empty when there is nothing left to undo. */
  public Optional<Change> undo() {
    return archive.journal().undoLast();
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
