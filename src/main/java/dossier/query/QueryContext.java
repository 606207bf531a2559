package dossier.query;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * What compiling a query needs from outside the query text: saved searches to expand {@code
 * saved:NAME}, and the clock that relative dates ({@code date:30d..}) count back from.
 */
public record QueryContext(Function<String, Optional<String>> savedSearches, Clock clock) {
  public static QueryContext of(Function<String, Optional<String>> savedSearches) {
    return new QueryContext(savedSearches, Clock.systemUTC());
  }

  /** A context without saved searches, for tests and extraction-only paths. */
  public static QueryContext empty() {
    return of(name -> Optional.empty());
  }
}
