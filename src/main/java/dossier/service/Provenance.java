package dossier.service;

import dossier.core.Article;
import dossier.core.ArticleField;
import java.util.ArrayList;
import java.util.List;

/** Where each metadata field of an article came from, as people read it (show --why, review). */
public final class Provenance {
  private Provenance() {}

  /**
   * One field: its name, where its value came from, and the value on one line (not yet made safe
   * for a terminal).
   */
  public record Row(String field, String origin, String value) {}

  /**
   * A row for every metadata field: a field without a value says there was no evidence for one, and
   * a value stored before origins were kept says that its origin was not recorded.
   */
  public static List<Row> rows(Article a) {
    List<Row> rows = new ArrayList<>();
    for (ArticleField f : ArticleField.METADATA) {
      Object v = f.get(a);
      String origin = a.origin(f);
      String value =
          f.isEmpty(v)
              ? "(none)"
              : v instanceof List<?> l
                  ? String.join("; ", l.stream().map(String::valueOf).toList())
                  : dossier.core.Text.oneLine((String) v);
      String shown =
          origin != null
              ? origin + (origin.equals(ArticleField.EDIT) ? " (pinned)" : "")
              : f.isEmpty(v) ? "no evidence" : "not recorded";
      rows.add(new Row(f.json(), shown, value));
    }
    return rows;
  }
}
