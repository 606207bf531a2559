package dossier;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dossier.reliability.FuzzTargets;

/**
 * Coverage-guided fuzzing of every parser a user's files or words reach, with Jazzer. Not part of
 * the normal build: run one target at a time with
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -Pfuzz test -Dtest=FuzzTests#extract
 * </pre>
 *
 * Findings land in {@code src/test/resources/dossier/FuzzTestsInputs/<target>/}, where the normal
 * suite's {@code FuzzRegressionTest} replays them. The targets and what they check are in {@link
 * FuzzTargets}.
 */
class FuzzTests {
  @FuzzTest(maxDuration = "10m")
  void extract(byte[] data) {
    FuzzTargets.extract(data);
  }

  @FuzzTest(maxDuration = "10m")
  void query(byte[] data) {
    FuzzTargets.query(data);
  }

  @FuzzTest(maxDuration = "10m")
  void tagLine(byte[] data) {
    FuzzTargets.tagLine(data);
  }

  @FuzzTest(maxDuration = "10m")
  void restoreJson(byte[] data) {
    FuzzTargets.restoreJson(data);
  }
}
