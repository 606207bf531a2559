package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A released migration is never edited: archives made by that release have already run it, and
 * would never run an edited version, so an edit would leave two kinds of archive under one schema
 * number (and {@link UpgradeTest}, which builds its old archives from today's scripts, would not
 * notice). Each released script's SHA-256 is pinned here.
 *
 * <p>A migration is pinned once it is released: add its line below when the release that carries it
 * is made. Until then (a new script still being written) it is not listed and may change.
 */
class ReleasedMigrationsTest {
  /** Version, and the SHA-256 of its script (UTF-8, line ends as \n). */
  static Stream<Arguments> released() {
    return Stream.of(
        Arguments.of(1, "d56bb077130f8a9d0e23a7af0fa2a7c603ef30bbb690fc1fb134ccbe08668ca6"),
        Arguments.of(2, "cad1769a2cf5c95c3de0e96e99e025a16dc9d34e4af342176023dbb498cb2796"),
        Arguments.of(3, "45c0654cf16c0141fd54160c47d3b82055a71ce6e5e65530514400870e1bbc55"),
        Arguments.of(4, "392172f5857abe2ec60dc0b0d22258bea793893389edbca9c0cb1e236b1899be"),
        Arguments.of(5, "4ffaac1bb7c83ec11692c3dc959babe1c2ba2fdb6e95823dbc72e43281cef92a"),
        Arguments.of(6, "a0eff0ba8547c294c11b5b3d7b02c3bd19167a81a4b70704888f555958b4caa8"),
        Arguments.of(7, "e2e547bd5fd1baa70db6a24877b66eded98f51ab2f2aa0b11ade19828c098290"),
        Arguments.of(8, "6321ca77b6bfc81fb3044523ba7d05161c564fc2607e3ba49decbd54dd0f433c"),
        Arguments.of(9, "4d8582622d41637cf7256ac4a27ec4e6686031424f2664e2624aae4953d7d9d4"),
        Arguments.of(10, "a2a445df405bc7bf71db2cc572a744aba387cfacb76776d1da65edffd1b9e9d9"),
        Arguments.of(11, "75f9a33ebc43f28311df23e191559647e89b95c4fbc355b45ae8bfe8589b9edc"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("released")
  void aReleasedMigrationIsUnchanged(int version, String sha256) throws Exception {
    String script = Archive.resource(Migrations.name(version));
    assertThat(script).as("migration %s is missing", Migrations.name(version)).isNotNull();
    // the same on a checkout that turned line ends into \r\n
    byte[] bytes = script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(actual)
        .as(
            "%s was released and must not change; put the change in a new migration",
            Migrations.name(version))
        .isEqualTo(sha256);
  }
}
