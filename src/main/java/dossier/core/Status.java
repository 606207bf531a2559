package dossier.core;

import java.util.Locale;

/** The review status of an article. Every article is {@link #NEW} when imported. */
public enum Status {
  NEW,
  READ,
  REVIEWED,
  ARCHIVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a status name, or throws {@link UsageException} naming the allowed values. */
  public static Status parse(String s) {
    for (Status st : values()) {
      if (st.label().equalsIgnoreCase(s.trim())) {
        return st;
      }
    }
    throw new UsageException("unknown status '" + s + "' (expected " + expected() + ")");
  }

  /** "new, read, reviewed or archived": the statuses, for messages and help. */
  public static String expected() {
    StringBuilder b = new StringBuilder();
    Status[] all = values();
    for (int i = 0; i < all.length; i++) {
      b.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].label());
    }
    return b.toString();
  }
}
