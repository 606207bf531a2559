package dossier.service;

import dossier.core.NotFoundException;
import dossier.query.QueryCompiler;
import dossier.query.QueryContext;
import dossier.store.Archive;
import dossier.store.SavedSearchRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Saved searches: adding, replacing and removing them, each a journaled change undo reverts. */
public final class SavedService {
  private final Archive archive;

  public SavedService(Archive archive) {
    this.archive = archive;
  }

  /** What {@link #add} did. */
  public record Saved(boolean replaced, long journal) {}

  public Map<String, String> all() {
    return archive.savedSearches().all();
  }

  /**
   * Saves {@code query} under {@code name}, after checking that it compiles with the new definition
   * in place (so a search that uses itself is refused).
   */
  public Saved add(String name, String query) {
    SavedSearchRepository saved = archive.savedSearches();
    QueryContext ctx =
        QueryContext.of(n -> n.equalsIgnoreCase(name) ? Optional.of(query) : saved.get(n));
    QueryCompiler.compile(query, ctx);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return archive.write(
        () -> {
          long j = archive.journal().begin("saved add", "saved search " + name + ": " + query);
          boolean replaced = saved.put(j, name, query, now);
          if (replaced) {
            archive.journal().setSummary(j, "replaced saved search " + name + ": " + query);
          }
          return new Saved(replaced, j);
        });
  }

  /** Removes a saved search; returns the journal id. */
  public long remove(String name) {
    return archive.write(
        () -> {
          Optional<String> q = archive.savedSearches().get(name);
          if (q.isEmpty()) {
            throw new NotFoundException("no saved search named '" + name + "'");
          }
          long j =
              archive.journal().begin("saved rm", "removed saved search " + name + ": " + q.get());
          archive.savedSearches().remove(j, name);
          return j;
        });
  }
}
