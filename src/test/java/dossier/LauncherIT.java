package dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Java bin/dossier runs and which start-up cache it records, shown with stand-in JDKs whose
 * {@code java} writes down its arguments: a copy of the launcher beside a jar and no sources (as
 * installed), so nothing is built.
 */
class LauncherIT {
  @TempDir Path tmp;
  Path app;
  Path calls;

  @BeforeEach
  void copyLauncher() throws Exception {
    String base = System.getProperty("basedir");
    Path project = Path.of(base != null ? base : "").toAbsolutePath();
    app = tmp.resolve("app");
    Files.createDirectories(app.resolve("bin"));
    Files.createDirectories(app.resolve("target"));
    Files.copy(project.resolve("bin/dossier"), app.resolve("bin/dossier"));
    Files.writeString(app.resolve("target/dossier.jar"), "a stand-in jar");
    Files.writeString(app.resolve("target/dossier-lib.jar"), "the stand-in jar of the libraries");
    calls = tmp.resolve("calls.log");
  }

  /** A JDK folder whose release file says {@code version} and whose java logs its arguments. */
  private Path jdk(String name, String version) throws Exception {
    Path home = tmp.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = home.resolve("bin/java");
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "echo \"$0 $*\" >> '"
            + calls
            + "'\n"
            + "for a in \"$@\"; do case \"$a\" in -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*)"
            + " : > \"${a#*=}\";; esac; done\n"
            + "echo 'stand-in java ran'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private String run(Map<String, String> vars, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", app.resolve("bin/dossier").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
    Sandbox.isolate(pb.environment(), tmp.resolve("home"));
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(vars);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the launcher finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private List<String> calls() throws Exception {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void aNewJdkGetsAnAheadOfTimeCacheTrainedOnceThenUsed() throws Exception {
    Path jdk = jdk("jdk-new", "99.0.1");
    Path cache = app.resolve("target/dossier-99.aot");
    Path read = app.resolve("target/dossier-99-read.aot");
    Path java = jdk.resolve("bin/java");
    String jar = app.resolve("target/dossier.jar").toString();

    // a reading command: its cache is recorded from a run that reads an archive another run made
    assertThat(run(Map.of("JAVA_HOME", jdk.toString()), "list", "tag:x"))
        .isEqualTo("stand-in java ran\n");
    List<String> first = calls();
    assertThat(first).hasSize(3);
    assertThat(first.get(0))
        .startsWith(java.toString())
        .doesNotContain("AOTCache")
        .containsPattern(" -jar " + jar + " __warmup --prepare \\S+/warmup\\.db$");
    String made = first.get(0).substring(first.get(0).indexOf("--prepare ") + 10);
    assertThat(first.get(1))
        .startsWith(java.toString())
        .contains("-XX:AOTCacheOutput=" + read + ".")
        .doesNotContain("CompileThresholdScaling")
        .endsWith(" __warmup --read " + made);
    assertThat(Path.of(made).getParent()).as("the archive trained on is removed").doesNotExist();
    assertThat(first.get(2))
        .startsWith(java.toString())
        .contains(
            "-XX:AOTCache=" + read,
            "-XX:CompileThresholdScaling=20",
            "-Djava.locale.providers=FALLBACK",
            "-XX:-UsePerfData")
        .doesNotContain("-Xmx")
        .endsWith("-jar " + jar + " list tag:x");
    assertThat(read).exists();
    try (var files = Files.list(app.resolve("target"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no half-written cache left")
          .noneMatch(n -> n.endsWith(".part"));
    }
    run(Map.of("JAVA_HOME", jdk.toString()), "--db", "a.db", "search", "x");
    assertThat(calls()).as("trained once").hasSize(4);
    assertThat(calls().get(3)).contains("-XX:AOTCache=" + read).endsWith(" search x");

    // every other command: the cache of all the common paths, trained once; an import keeps the
    // usual compile thresholds
    run(Map.of("JAVA_HOME", jdk.toString()), "--db", "a.db", "import", "x.html");
    List<String> imp = calls().subList(4, calls().size());
    assertThat(imp).hasSize(2);
    assertThat(imp.get(0)).contains("-XX:AOTCacheOutput=" + cache + ".").endsWith(" __warmup");
    assertThat(imp.get(1))
        .contains("-XX:AOTCache=" + cache)
        .doesNotContain("CompileThresholdScaling")
        .contains(" -Xmx512m ", "-Djava.locale.providers=FALLBACK")
        .endsWith(" import x.html");
    run(Map.of("JAVA_HOME", jdk.toString()), "tag", "+a", "--", "b");
    assertThat(calls()).hasSize(7);
    assertThat(calls().get(6)).contains("-XX:AOTCache=" + cache + " ").endsWith(" tag +a -- b");

    // '--version' alone gets a small cache of its own, trained by '--version'
    Path small = app.resolve("target/dossier-99-version.aot");
    run(Map.of("JAVA_HOME", jdk.toString()), "--version");
    List<String> v = calls().subList(7, calls().size());
    assertThat(v).hasSize(2);
    assertThat(v.get(0)).contains("-XX:AOTCacheOutput=" + small + ".").endsWith(" --version");
    assertThat(v.get(1))
        .contains("-XX:AOTCache=" + small)
        .doesNotContain("-XX:AOTCache=" + cache + " ")
        .endsWith("-jar " + jar + " --version");
    assertThat(small).exists();
    run(Map.of("JAVA_HOME", jdk.toString()), "--version");
    assertThat(calls()).as("each trained once").hasSize(10);
  }

  @Test
  void dossierJavaWinsAndAnOlderJdkGetsAClassDataArchive() throws Exception {
    Path newer = jdk("jdk-new", "99");
    Path old = jdk("jdk-17", "17.0.15");
    Path archive = app.resolve("target/dossier-17.jsa");

    run(Map.of("JAVA_HOME", newer.toString(), "DOSSIER_JAVA", old.toString()), "--version");
    List<String> c = calls();
    assertThat(c).hasSize(2).allMatch(l -> l.startsWith(old.resolve("bin/java").toString()));
    assertThat(c.get(0)).contains("-XX:ArchiveClassesAtExit=" + archive + ".");
    assertThat(c.get(1)).contains("-XX:SharedArchiveFile=" + archive);
    assertThat(archive).exists();

    // a java program rather than a folder, and no cache at all when asked
    run(
        Map.of("DOSSIER_JAVA", old.resolve("bin/java").toString(), "DOSSIER_NO_CDS", "1"),
        "--version");
    String last = calls().get(calls().size() - 1);
    assertThat(last).startsWith(old.resolve("bin/java").toString()).doesNotContain("-XX:Shared");
    assertThat(last).doesNotContain("AOTCache");
  }
}
