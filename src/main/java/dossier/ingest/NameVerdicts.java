package dossier.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A test of class and id names, its verdicts kept per name. Pages repeat a few hundred class names
 * over thousands of elements, and the name patterns are costly, so each name is tested once (a
 * bounded cache: past the limit it starts over). The empty name is never tested.
 */
final class NameVerdicts {
  /** Names kept at most, per test. */
  static final int LIMIT = 8192;

  private final Predicate<String> test;
  private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

  NameVerdicts(Predicate<String> test) {
    this.test = test;
  }

  /** The test's verdict on {@code name}; false for the empty name. */
  boolean test(String name) {
    if (name.isEmpty()) {
      return false;
    }
    Boolean v = verdicts.get(name);
    if (v == null) {
      v = test.test(name);
      if (verdicts.size() >= LIMIT) {
        verdicts.clear();
      }
      verdicts.put(name, v);
    }
    return v;
  }
}
