package dossier.tui;

import java.util.List;

/** Tag suggestions for one article, as the tag prompt lists them. */
@FunctionalInterface
public interface TagSuggester {
  /** One suggested tag and why. */
  record Suggestion(String tag, String reason) {}

  /** No suggestions. */
  TagSuggester NONE = (id, limit) -> List.of();

  List<Suggestion> suggest(long articleId, int limit);
}
