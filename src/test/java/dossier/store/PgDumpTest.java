package dossier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where backup looks for pg_dump: DOSSIER_PG_BIN alone, else PATH, else the newest version. */
class PgDumpTest {
  @TempDir Path dir;

  private Path program(String folder) throws Exception {
    Path p = Files.createDirectories(dir.resolve(folder)).resolve("pg_dump");
    Files.writeString(p, "#!/bin/sh\n");
    p.toFile().setExecutable(true);
    return p;
  }

  @Test
  void pathFirstThenTheNewestInstalledVersion() throws Exception {
    Path versions = dir.resolve("lib");
    program("lib/13/bin");
    Path newest = program("lib/16/bin");
    Path onPath = program("bin");
    assertThat(PgDump.find("pg_dump", Map.of("PATH", "/nowhere:" + onPath.getParent()), versions))
        .isEqualTo(onPath);
    assertThat(PgDump.find("pg_dump", Map.of("PATH", "/nowhere"), versions)).isEqualTo(newest);
    assertThat(PgDump.find("pg_dump", Map.of(), dir.resolve("none"))).isNull();
  }

  @Test
  void anOwnFolderIsTheOnlyPlaceLookedAt() throws Exception {
    Path onPath = program("bin");
    Map<String, String> env =
        Map.of("DOSSIER_PG_BIN", dir.resolve("empty").toString(), "PATH", onPath.getParent() + "");
    assertThat(PgDump.find("pg_dump", env, dir)).isNull();
    assertThat(PgDump.looked(env)).isEqualTo("in DOSSIER_PG_BIN (" + dir.resolve("empty") + ")");
  }
}
