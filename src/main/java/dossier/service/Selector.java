package dossier.service;

import dossier.core.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which articles a change applies to: the matches of a query, or a list of ids. An empty query is
 * refused for changes, so that a forgotten argument cannot change the whole archive: {@code *} (or
 * {@code --all}) says "every article" on purpose.
 */
public record Selector(String query, List<Long> ids) {
  public static Selector query(String q) {
    return new Selector(q, null);
  }

  public static Selector ids(List<Long> ids) {
    return new Selector(null, List.copyOf(ids));
  }

  public boolean byIds() {
    return ids != null;
  }

  /** Parses ids written as {@code 3,7,9} or one per line / word; names the bad one. */
  public static List<Long> parseIds(String text) {
    List<Long> out = new ArrayList<>();
    for (String part : text.split("[,\\s\\x00]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        long id = Long.parseLong(part);
        if (id <= 0) {
          throw new NumberFormatException();
        }
        out.add(id);
      } catch (NumberFormatException e) {
        throw new UsageException("bad article id '" + part + "'");
      }
    }
    return out;
  }
}
