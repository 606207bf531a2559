package dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/install puts the launcher, man pages and completions under a prefix, and takes them away. */
class InstallIT {
  @TempDir Path tmp;

  private static String run(Path dir, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Sandbox.isolate(pb.environment(), dir.resolve("home"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }

  @Test
  void installsWhereShellsAndManLookAndUninstalls() throws Exception {
    String base = System.getProperty("basedir");
    Path project = Path.of(base != null ? base : "").toAbsolutePath();
    Path prefix = tmp.resolve("prefix");
    String out = run(tmp, project.resolve("bin/install").toString(), "--prefix", prefix.toString());
    assertThat(out).contains("installed in " + prefix);

    Path launcher = prefix.resolve("bin/dossier");
    assertThat(Files.isSymbolicLink(launcher)).isTrue();
    assertThat(run(tmp, launcher.toString(), "--version")).startsWith("dossier ");
    assertThat(prefix.resolve("share/man/man1/dossier.1")).exists();
    assertThat(prefix.resolve("share/man/man1/dossier-export.1")).exists();
    assertThat(prefix.resolve("share/man/man7/dossier-query.7")).exists();
    assertThat(prefix.resolve("share/bash-completion/completions/dossier")).exists();
    assertThat(prefix.resolve("share/dossier/dossier.zsh")).exists();
    assertThat(prefix.resolve("share/fish/vendor_completions.d/dossier.fish")).exists();
    assertThat(Files.readString(prefix.resolve("share/bash-completion/completions/dossier")))
        .isEqualTo(Files.readString(project.resolve("completions/dossier.bash")));

    run(
        tmp,
        project.resolve("bin/install").toString(),
        "--prefix",
        prefix.toString(),
        "--uninstall");
    try (Stream<Path> left = Files.walk(prefix)) {
      List<Path> files = left.filter(p -> !Files.isDirectory(p)).toList();
      assertThat(files).isEmpty();
    }
  }
}
