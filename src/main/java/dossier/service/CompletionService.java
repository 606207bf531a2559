package dossier.service;

import dossier.core.Query.State;
import dossier.query.Fields;
import dossier.store.Archive;
import dossier.store.TagRepository.TagCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Candidates for shell completion: query field names, and the tag and saved-search names stored in
 * an archive. Completion runs on every key press, so nothing here writes.
 */
public final class CompletionService {
  /** The fields of the query language, as typed before the colon. */
  public static final List<String> FIELDS = Fields.NAMES;

  /** The values of {@code is:}: the query language's states, and {@code unread} for new. */
  public static final List<String> IS_VALUES = isValues();

  private static List<String> isValues() {
    List<String> values = new ArrayList<>();
    for (State s : State.values()) {
      values.add(s.word());
    }
    values.add("unread");
    return List.copyOf(values);
  }

  private final Archive archive;

  /**
   * @param archive the archive to read names from, or null when there is none yet
   */
  public CompletionService(Archive archive) {
    this.archive = archive;
  }

  /** Tag names that start with {@code prefix}, ignoring case, in name order. */
  public List<String> tags(String prefix) {
    List<String> out = new ArrayList<>();
    if (archive != null) {
      for (TagCount t : archive.tags().counts()) {
        if (startsWith(t.name(), prefix)) {
          out.add(t.name());
        }
      }
    }
    return out;
  }

  /** Saved-search names that start with {@code prefix}, ignoring case. */
  public List<String> savedSearches(String prefix) {
    List<String> out = new ArrayList<>();
    if (archive != null) {
      for (String name : archive.savedSearches().all().keySet()) {
        if (startsWith(name, prefix)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /**
   * Completions of one query word: {@code ta} gives {@code tag:}, {@code tag:eco} gives {@code
   * tag:economy}, {@code -tag:}, {@code is:} and {@code saved:} likewise. Whole words, ready to
   * replace the one typed.
   */
  public List<String> queryWord(String word) {
    String neg = word.startsWith("-") ? "-" : "";
    String w = word.substring(neg.length());
    int colon = w.indexOf(':');
    List<String> out = new ArrayList<>();
    if (colon < 0) {
      for (String f : FIELDS) {
        if (f.startsWith(w.toLowerCase(Locale.ROOT))) {
          out.add(neg + f + ":");
        }
      }
      return out;
    }
    String field = w.substring(0, colon).toLowerCase(Locale.ROOT);
    String value = w.substring(colon + 1);
    String unquoted = value.startsWith("\"") ? value.substring(1) : value;
    List<String> values =
        switch (field) {
          case "tag" -> tags(unquoted);
          case "saved" -> savedSearches(unquoted);
          case "is" -> IS_VALUES.stream().filter(v -> startsWith(v, unquoted)).toList();
          default -> List.of();
        };
    for (String v : values) {
      String q = v.contains(" ") ? "\"" + v + "\"" : v;
      out.add(neg + w.substring(0, colon + 1) + q);
    }
    return out;
  }

  private static boolean startsWith(String s, String prefix) {
    return s.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
  }
}
