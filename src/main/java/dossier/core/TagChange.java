package dossier.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tag edit and the query it applies to: {@code +a -b -- query}. One parser serves the {@code tag}
 * command's arguments and the lines of {@code tag --batch}.
 *
 * @param add normalized tags to add
 * @param remove normalized tags to remove
 * @param query the query text after the tag operations ({@code --} separates them when the query
 *     itself starts with + or -)
 */
public record TagChange(List<String> add, List<String> remove, String query) {
  public TagChange {
    add = List.copyOf(add);
    remove = List.copyOf(remove);
    Set<String> keys = new HashSet<>();
    for (String a : add) {
      keys.add(Tags.key(a));
    }
    for (String r : remove) {
      if (keys.contains(Tags.key(r))) {
        throw new UsageException("tag '" + r + "' is both added and removed");
      }
    }
  }

  public boolean isEmpty() {
    return add.isEmpty() && remove.isEmpty();
  }

  /** Parses command-line words: leading {@code +tag}/{@code -tag} words, then the query. */
  public static TagChange parse(List<String> args) {
    Set<String> add = new LinkedHashSet<>();
    Set<String> remove = new LinkedHashSet<>();
    int i = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.startsWith("+") && a.length() > 1) {
        add.add(Tags.normalize(a.substring(1)));
      } else if (a.startsWith("-") && a.length() > 1) {
        remove.add(Tags.normalize(a.substring(1)));
      } else {
        break;
      }
    }
    List<String> rest = new ArrayList<>(args.subList(i, args.size()));
    return new TagChange(new ArrayList<>(add), new ArrayList<>(remove), String.join(" ", rest));
  }

  /**
   * Parses one line of a batch file: tag operations (a tag with spaces in double quotes, {@code
   * +"new york"}), then {@code --} and the query text as written.
   */
  public static TagChange parseLine(String line) {
    List<String> ops = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      if (line.startsWith("--", i) && (i + 2 == n || Character.isWhitespace(line.charAt(i + 2)))) {
        ops.add("--");
        i += 2;
        break;
      }
      char sign = line.charAt(i);
      if (sign != '+' && sign != '-') {
        break; // the query starts here
      }
      StringBuilder tag = new StringBuilder().append(sign);
      i++;
      if (i < n && line.charAt(i) == '"') {
        int close = line.indexOf('"', i + 1);
        if (close < 0) {
          throw new UsageException("unclosed quote in tag at column " + (i + 1));
        }
        tag.append(line, i + 1, close);
        i = close + 1;
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          tag.append(line.charAt(i++));
        }
      }
      ops.add(tag.toString());
    }
    TagChange ch = parse(ops);
    return new TagChange(ch.add(), ch.remove(), line.substring(Math.min(i, n)).trim());
  }
}
