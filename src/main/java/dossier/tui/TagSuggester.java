package dossier.tui;

import dossier.store.Archive;
import java.util.List;

/** Tag suggestions for one article, as the tag prompt lists them. */
@FunctionalInterface
public interface TagSuggester {
  /** One suggested tag and why. */
  record Suggestion(String tag, String reason) {}

  /** No suggestions. */
  TagSuggester NONE = (id, limit) -> List.of();

  List<Suggestion> suggest(long articleId, int limit);

  /**
   * Makes a suggester reading a given archive connection: suggestions can take a while on a large
   * archive, so the review computes them on a connection and thread of their own.
   */
  @FunctionalInterface
  interface Factory {
    TagSuggester forArchive(Archive archive);
  }
}
