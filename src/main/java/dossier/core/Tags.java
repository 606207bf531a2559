package dossier.core;

import java.util.Locale;

/**
 * Tag name rules: Unicode NFC, trimmed, inner whitespace collapsed to one space, {@code /} between
 * levels, compared case-insensitively. Empty levels, control characters and a leading {@code +} or
 * {@code -} are rejected.
 */
public final class Tags {
  public static final int MAX_LENGTH = 200;

  private Tags() {}

  /** The stored form of a tag name, or a {@link UsageException} that names the bad tag. */
  public static String normalize(String raw) {
    if (raw == null) {
      throw new UsageException("bad tag: empty name");
    }
    String s = Text.nfc(raw);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new UsageException(
            "bad tag '"
                + Text.safeForTerminal(raw, false)
                + "': control characters are not allowed");
      }
    }
    s = s.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      throw new UsageException("bad tag: empty name");
    }
    if (s.startsWith("+") || s.startsWith("-")) {
      throw new UsageException("bad tag '" + s + "': a tag cannot start with '+' or '-'");
    }
    String[] levels = s.split("/", -1);
    StringBuilder b = new StringBuilder();
    for (String level : levels) {
      String l = level.strip();
      if (l.isEmpty()) {
        throw new UsageException("bad tag '" + s + "': empty level between '/'");
      }
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(l);
    }
    if (b.length() > MAX_LENGTH) {
      throw new UsageException(
          "bad tag '" + Text.cutAtWord(b.toString(), 40) + "': longer than " + MAX_LENGTH);
    }
    return b.toString();
  }

  /** The identity of a tag: two names with the same key are the same tag. */
  public static String key(String normalized) {
    return normalized.toLowerCase(Locale.ROOT);
  }
}
