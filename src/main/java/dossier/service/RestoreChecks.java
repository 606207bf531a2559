package dossier.service;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.core.Article;
import dossier.core.Text;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a restore checks before it stores an article from an export: the file may have been edited
 * by hand or by a script, and the archive must not take in what dossier itself would never have
 * written. An article that fails is reported and skipped, like a bad file in an import.
 */
final class RestoreChecks {
  /**
   * The highest id a restore keeps: 2^53 - 1, the largest integer every JSON reader (jq,
   * JavaScript) holds exactly. New ids count up from the highest ever used, so an id near SQLite's
   * limit of 2^63 - 1 would leave no room for them.
   */
  static final long MAX_ID = (1L << 53) - 1;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private RestoreChecks() {}

  /** Why {@code a}, read from {@code o}, cannot be restored, or null when it can. */
  static String problem(JsonNode o, Article a) {
    JsonNode id = o.get("id");
    if (id != null && !id.isNull()) {
      if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
        return "id " + id + " is not an article id (a whole number from 1 to " + MAX_ID + ")";
      }
      if (id.asLong() > MAX_ID) {
        return "id " + id + " is out of range (at most " + MAX_ID + ")";
      }
    }
    if (a.published() != null && !isDate(a.published())) {
      return "published '" + a.published() + "' is not a date (YYYY-MM-DD or ISO-8601)";
    }
    if (a.imported() != null && !isTimestamp(a.imported())) {
      return "imported '" + a.imported() + "' is not an ISO-8601 timestamp";
    }
    String hash = a.contentHash();
    if (hash == null || !HASH.matcher(hash).matches()) {
      return "content_hash is not a sha256 in hex";
    }
    boolean titleEdited = "edit".equals(o.path("provenance").path("title").asText(null));
    String title = a.title() == null ? "" : a.title();
    if (!titleEdited && !hash.equals(Text.sha256(title, "\n\n", a.body()))) {
      return "content_hash does not match the title and body (the file was changed after the"
          + " export, or damaged)";
    }
    return null;
  }

  /** {@code YYYY-MM-DD}, or a full ISO-8601 timestamp, as the spec's {@code published}. */
  static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return isTimestamp(s);
    }
  }

  static boolean isTimestamp(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(s);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }
}
