package dossier.ingest;

/**
 * A metadata value with the evidence it came from: the origin string that provenance records
 * ("json-ld", "meta og:site_name", "byline line"...). An absent value has no origin.
 */
record Found<T>(T value, String origin) {
  static <T> Found<T> none() {
    return new Found<>(null, null);
  }

  boolean present() {
    return value != null;
  }

  /** The first value of {@code originsAndValues} (origin, value, origin, value...) not blank. */
  static Found<String> first(String... originsAndValues) {
    for (int i = 0; i + 1 < originsAndValues.length; i += 2) {
      String v = originsAndValues[i + 1];
      if (v != null && !v.isBlank()) {
        return new Found<>(Spaces.collapse(v), originsAndValues[i]);
      }
    }
    return none();
  }
}
