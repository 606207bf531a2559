package dossier.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles query text to a {@link CompiledQuery}. This first version understands words and "quoted
 * phrases", every one of them quoted for FTS5 so that no character of the input is FTS5 syntax.
 */
public final class QueryCompiler {
  private QueryCompiler() {}

  public static CompiledQuery compile(String text, QueryContext ctx) {
    List<String> terms = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuote = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        if (inQuote) {
          addTerm(terms, cur);
        }
        inQuote = !inQuote;
      } else if (!inQuote && Character.isWhitespace(c)) {
        addTerm(terms, cur);
      } else {
        cur.append(c);
      }
    }
    addTerm(terms, cur);
    if (terms.isEmpty()) {
      return CompiledQuery.ALL;
    }
    return new CompiledQuery(String.join(" ", terms), "1", List.of());
  }

  private static void addTerm(List<String> terms, StringBuilder cur) {
    String t = cur.toString().trim();
    cur.setLength(0);
    // A term with no letter or digit would be an empty FTS5 phrase, which matches nothing useful.
    if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
      terms.add("\"" + t.replace("\"", "\"\"") + "\"");
    }
  }
}
