package dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/dossier} as a user would: a real process, started through a symbolic link on
 * PATH, in a temporary working directory with a temporary archive. Runs after {@code package}
 * (failsafe), with {@code DOSSIER_JAR} naming the jar the build made.
 */
class EndToEndIT {
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  @TempDir Path tmp;
  Path project;
  Path work;
  Path db;
  Path binDir;

  @BeforeEach
  void setUp() throws IOException {
    String base = System.getProperty("basedir");
    project = Path.of(base != null ? base : "").toAbsolutePath();
    work = Files.createDirectories(tmp.resolve("work"));
    db = tmp.resolve("data/archive.db");
    binDir = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(binDir.resolve("dossier"), project.resolve("bin/dossier"));
  }

  Run dossier(String... args) throws IOException, InterruptedException {
    return dossier(Map.of(), args);
  }

  Run dossier(Map<String, String> vars, String... args) throws IOException, InterruptedException {
    // through the link, as a shell would find it on PATH
    List<String> cmd =
        new ArrayList<>(List.of(binDir.resolve("dossier").toString(), "--db", db.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    Map<String, String> env = Sandbox.isolate(pb.environment(), tmp.resolve("home"));
    env.put("PATH", binDir + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.putAll(vars);
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("dossier " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void importSearchShowAndReimportTheSamples() throws Exception {
    String samples = project.resolve("samples").toString();
    Run imp = dossier("import", samples);
    assertThat(imp.code()).as(imp.toString()).isZero();
    assertThat(imp.err()).contains("0 failed").doesNotContain("SLF4J");
    // the SQLite driver's library is kept per driver version, which the driver reads from the jar
    try (var versions = Files.list(tmp.resolve("home/.cache/dossier/native"))) {
      assertThat(versions.map(v -> v.getFileName().toString()).toList())
          .singleElement()
          .asString()
          .matches("\\d+(\\.\\d+)+");
    }
    assertThat(db).exists();
    assertThat(Files.getPosixFilePermissions(db))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Run ids = dossier("list", "--format", "ids");
    assertThat(ids.code()).isZero();
    int count = ids.out().strip().split("\n").length;
    assertThat(count).isGreaterThanOrEqualTo(8);

    // every sample names the Varela river or Kelmar: a word many of them share
    Run search = dossier("search", "Kelmar", "--format", "ndjson");
    assertThat(search.code()).as(search.toString()).isZero();
    List<JsonNode> hits = new ArrayList<>();
    for (String line : search.out().split("\n")) {
      hits.add(JSON.readTree(line));
    }
    assertThat(hits).hasSizeGreaterThan(1);
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i - 1).get("score").asDouble())
          .isGreaterThanOrEqualTo(hits.get(i).get("score").asDouble());
    }
    assertThat(hits).anyMatch(h -> h.get("snippet").asText().contains("[Kelmar"));

    Run table = dossier("search", "Kelmar");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("[Kelmar");
    // the JDK the tests run on (17 as a rule) when the launcher would pick a newer one it found:
    // its own start-up cache, the same answer
    Map<String, String> testJdk = Map.of("DOSSIER_JAVA", System.getProperty("java.home"));
    Run same = dossier(testJdk, "search", "Kelmar");
    assertThat(same.code()).as(same.toString()).isZero();
    assertThat(same.out()).isEqualTo(table.out());
    assertThat(dossier(testJdk, "--version").out()).startsWith("dossier ");
    // a flight recording asked for through the launcher is written out at the exit
    Path jfr = tmp.resolve("search.jfr");
    Run recorded =
        dossier(
            Map.of("DOSSIER_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + jfr),
            "count",
            "Kelmar");
    assertThat(recorded.code()).as(recorded.toString()).isZero();
    assertThat(jfr).isNotEmptyFile();

    Run show = dossier("show", "1", "--format", "json");
    assertThat(show.code()).as(show.toString()).isZero();
    JsonNode a = JSON.readTree(show.out());
    assertThat(a.get("id").asInt()).isEqualTo(1);
    assertThat(a.get("title").asText()).isNotBlank();
    assertThat(a.get("body").asText()).isNotBlank();

    Run again = dossier("import", "--json", samples);
    assertThat(again.code()).as(again.toString()).isZero();
    String[] outcomes = again.out().strip().split("\n");
    assertThat(outcomes).hasSize(count);
    for (String line : outcomes) {
      assertThat(JSON.readTree(line).get("status").asText()).isEqualTo("duplicate");
    }
    assertThat(dossier("list", "--format", "ids").out()).isEqualTo(ids.out());
  }

  @Test
  void badPathsAreReportedAndTheRestImported() throws Exception {
    Run r = dossier("import", "/bin/ls", "/no/such/file", project.resolve("samples").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).contains("/bin/ls");
    assertThat(errors.get(1)).contains("/no/such/file");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");

    Run list = dossier("list");
    assertThat(list.code()).isZero();
    assertThat(list.out().strip().split("\n").length).isGreaterThanOrEqualTo(8);

    Run missing = dossier("show", "999");
    assertThat(missing.code()).isEqualTo(4);
    assertThat(missing.err()).contains("999");
  }
}
