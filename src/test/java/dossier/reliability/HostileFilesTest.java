package dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile files next to good ones: each bad one gets a clear message of its own (or is
 * stored correctly), the good ones are imported, and the archive stays sound.
 */
class HostileFilesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Cli cli;
  Path dir;

  @BeforeEach
  void setUp() throws IOException {
    cli = new Cli(tmp);
    dir = Files.createDirectories(tmp.resolve("in"));
  }

  private static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(b)) {
        g.write(data);
      }
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Imports with --json; returns the outcome of each file by its file name. */
  private Map<String, JsonNode> importAll(Cli.Result[] result, String... extra) throws IOException {
    String[] args = new String[extra.length + 3];
    args[0] = "import";
    args[1] = "--json";
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = dir.toString();
    Cli.Result r = cli.run(args);
    result[0] = r;
    assertThat(r.out() + r.err())
        .as(r.toString())
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    Map<String, JsonNode> byName = new HashMap<>();
    for (String line : r.lines()) {
      JsonNode n = JSON.readTree(line);
      byName.put(Path.of(n.get("path").asText()).getFileName().toString(), n);
    }
    return byName;
  }

  private void assertSound() {
    Cli.Result check = cli.run("db", "check");
    assertThat(check.code()).as(check.toString()).isZero();
  }

  private static void assertFailed(Map<String, JsonNode> o, String name, String message) {
    assertThat(o).containsKey(name);
    assertThat(o.get(name).get("status").asText()).as(name).isEqualTo("failed");
    assertThat(o.get(name).get("error").asText()).as(name).contains(message);
  }

  private static void assertImported(Map<String, JsonNode> o, String name) {
    assertThat(o).containsKey(name);
    // stored: the fixtures share their made-up text, so one may be stored as another's copy
    assertThat(o.get(name).get("status").asText())
        .as(o.get(name).toString())
        .isIn("imported", "near-duplicate");
  }

  private JsonNode show(JsonNode outcome) throws IOException {
    Cli.Result r = cli.run("show", "--format", "json", outcome.get("id").asText());
    assertThat(r.code()).as(r.toString()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void brokenFilesAreReportedOneByOneAndTheRestIsImported() throws IOException {
    write("good-1.txt", Corpus.article(9, 1));
    write("good-2.txt", Corpus.article(9, 2));
    write("good-3.md.gz", gzip(Corpus.article(9, 3).getBytes(StandardCharsets.UTF_8)));
    byte[] random = new byte[20_000];
    new Random(42).nextBytes(random);
    write("binary.txt", random);
    byte[] gz = gzip(Corpus.article(9, 4).getBytes(StandardCharsets.UTF_8));
    write("truncated.txt.gz", Arrays.copyOf(gz, gz.length / 2));
    byte[] notGzip = "..this is not gzip data at all".getBytes(StandardCharsets.US_ASCII);
    notGzip[0] = 0x1f;
    notGzip[1] = (byte) 0x8b;
    write("not-gzip.txt.gz", notGzip);
    write("empty.txt", new byte[0]);
    write("blank.txt", "   \n\n\t\n");
    // 30 MB of zeros inflate past --max-size: a gzip bomb is refused, not unpacked into memory
    write("bomb.txt.gz", gzip(new byte[30 << 20]));
    write("too-big.txt", Corpus.article(9, 5).repeat(2000));
    Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("nowhere.txt"));
    Files.createSymbolicLink(dir.resolve("device.txt"), Path.of("/dev/zero"));

    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r, "--max-size", "1M");
    assertThat(r[0].code()).as(r[0].toString()).isEqualTo(3);
    assertImported(o, "good-1.txt");
    assertImported(o, "good-2.txt");
    assertImported(o, "good-3.md.gz");
    assertFailed(o, "binary.txt", "binary");
    assertFailed(o, "truncated.txt.gz", "gzip");
    assertFailed(o, "not-gzip.txt.gz", "gzip");
    assertFailed(o, "empty.txt", "empty");
    assertFailed(o, "blank.txt", "no article text");
    assertFailed(o, "bomb.txt.gz", "it unpacks to more than --max-size 1 MB");
    assertFailed(o, "too-big.txt", "larger than --max-size 1 MB");
    assertFailed(o, "dangling.txt", "no such file");
    // a link out of the folder is not followed: skipped and reported, not read
    assertThat(o).doesNotContainKey("device.txt");
    assertThat(r[0].err()).contains("skipped: " + dir.resolve("device.txt"));
    assertThat(r[0].err()).contains("imported 3, 0 duplicates, 8 failed");
    // every failure is one line naming its file
    assertThat(r[0].err().lines().filter(l -> l.startsWith("error: ")).count()).isEqualTo(8);
    assertSound();
  }

  @Test
  void oddlyEncodedTextIsStoredReadably() throws IOException {
    String text = Corpus.article(10, 1);
    // UTF-16 without a byte-order mark
    write(
        "utf16le.txt",
        text.replace("weighs", "weighs caf\u00e9").getBytes(StandardCharsets.UTF_16LE));
    write("utf16be.txt", Corpus.article(10, 2).getBytes(StandardCharsets.UTF_16BE));
    // invalid UTF-8: a stray latin-1 byte and a cut multi-byte sequence in otherwise UTF-8 text
    byte[] good = Corpus.article(10, 3).getBytes(StandardCharsets.UTF_8);
    byte[] bad = Arrays.copyOf(good, good.length + 4);
    bad[40] = (byte) 0xE9;
    bad[good.length] = (byte) 0xE2;
    bad[good.length + 1] = (byte) 0x82;
    bad[good.length + 2] = '\n';
    bad[good.length + 3] = '\n';
    write("bad-utf8.txt", bad);
    // escape sequences and C1 controls in the text itself are kept as data
    write("escapes.txt", "Title with \u001b]0;pwned\u0007 inside\n\n" + Corpus.article(10, 4));

    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertThat(r[0].code()).as(r[0].toString()).isZero();
    assertImported(o, "utf16le.txt");
    assertImported(o, "utf16be.txt");
    assertImported(o, "bad-utf8.txt");
    assertImported(o, "escapes.txt");
    JsonNode le = show(o.get("utf16le.txt"));
    assertThat(le.get("title").asText()).contains("caf\u00e9").doesNotContain("\u0000");
    assertThat(le.get("body").asText()).contains("written responses");
    assertThat(show(o.get("utf16be.txt")).get("body").asText()).contains("written responses");
    assertThat(show(o.get("bad-utf8.txt")).get("body").asText())
        .contains("written responses")
        .doesNotContain("\u0000");
    assertSound();
  }

  @Test
  void aTenMegabyteSingleLineIsImportedOrRefusedWithAMessage() throws IOException {
    StringBuilder b = new StringBuilder(11 << 20);
    Random rnd = new Random(7);
    String[] words = {"harbour", "council", "budget", "river", "tender", "ferry", "quay", "levy"};
    while (b.length() < 10 << 20) {
      b.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(10) == 0 ? ". " : " ");
    }
    write("one-line.txt", b.toString());
    write("one-line.html", "<html><body><h1>One line</h1><p>" + b + "</p></body></html>");
    write("good.txt", Corpus.article(11, 1));
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertImported(o, "good.txt");
    for (String name : List.of("one-line.txt", "one-line.html")) {
      String status = o.get(name).get("status").asText();
      assertThat(status).as(o.get(name).toString()).isIn("imported", "near-duplicate", "failed");
      if (status.equals("failed")) {
        assertThat(o.get(name).get("error").asText()).isNotBlank();
      }
    }
    assertSound();
  }

  @Test
  void deeplyNestedHtmlDoesNotTakeTheImportDown() throws IOException {
    int depth = 100_000;
    String nested =
        "<html><head><title>Deep page</title></head><body>"
            + "<div>".repeat(depth)
            + "<p>"
            + Corpus.article(12, 1)
            + "</p>"
            + "</div>".repeat(depth)
            + "</body></html>";
    write("deep.html", nested);
    write("unclosed.html", "<html><body>" + "<span><b><i>".repeat(depth / 3) + "text");
    write("good.txt", Corpus.article(12, 2));
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertImported(o, "good.txt");
    for (String name : List.of("deep.html", "unclosed.html")) {
      String status = o.get(name).get("status").asText();
      assertThat(status).as(o.get(name).toString()).isIn("imported", "near-duplicate", "failed");
      if (status.equals("failed")) {
        assertThat(o.get(name).get("error").asText()).isNotBlank();
      }
    }
    assertSound();
  }

  @Test
  void aSymbolicLinkLoopIsWalkedOnce() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(sub.resolve("inner.txt"), Corpus.article(13, 1));
    write("outer.txt", Corpus.article(13, 2));
    Files.createSymbolicLink(sub.resolve("back-to-top"), dir);
    Files.createSymbolicLink(sub.resolve("self"), sub);
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertImported(o, "inner.txt");
    assertImported(o, "outer.txt");
    assertThat(o.values().stream().filter(n -> n.get("status").asText().equals("imported")))
        .hasSize(2);
    assertThat(r[0].err()).contains("symbolic link loop");
    assertThat(cli.run("list", "--format", "ids").lines()).hasSize(2);
    assertSound();
  }

  @Test
  void aFifoIsNotReadFrom() throws Exception {
    Process p = new ProcessBuilder("mkfifo", dir.resolve("pipe.txt").toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo is available");
    write("good.txt", Corpus.article(14, 1));
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertImported(o, "good.txt");
    assertFailed(o, "pipe.txt", "not a regular file");
  }

  @Test
  void anUnreadableFileIsReported() throws IOException {
    Path locked = write("locked.txt", Corpus.article(15, 1));
    write("good.txt", Corpus.article(15, 2));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // root reads any file whatever its mode: the case cannot be made there
    assumeFalse(Files.isReadable(locked), "file permissions are enforced for this user");
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o = importAll(r);
    assertImported(o, "good.txt");
    assertFailed(o, "locked.txt", "permission denied");
  }

  @Test
  void filesThatVanishOrChangeDuringTheImportCostOnlyThemselves() throws Exception {
    int n = 1500;
    Corpus.write(dir, 16, n);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger deleted = new AtomicInteger();
    Thread vandal =
        new Thread(
            () -> {
              Random rnd = new Random(3);
              for (int i = n - 1; i >= 0 && running.get(); i -= 1 + rnd.nextInt(3)) {
                Path f = dir.resolve(String.format("a%05d.txt", i));
                try {
                  if (i % 2 == 0) {
                    Files.delete(f);
                    deleted.incrementAndGet();
                  } else {
                    // rewritten in place while the import may be reading it
                    Files.writeString(f, Corpus.article(17, i));
                  }
                } catch (IOException e) {
                  // already read and gone, or being read: either is fine
                }
              }
            });
    vandal.start();
    Cli.Result[] r = new Cli.Result[1];
    Map<String, JsonNode> o;
    try {
      o = importAll(r);
    } finally {
      running.set(false);
      vandal.join();
    }
    assertThat(r[0].code()).as(r[0].toString()).isIn(0, 3);
    long imported =
        o.values().stream()
            .filter(x -> x.get("status").asText().matches("imported|near-duplicate"))
            .count();
    for (JsonNode x : o.values()) {
      if (x.get("status").asText().equals("failed")) {
        // deleted, or caught between the truncation and the write of a rewrite
        assertThat(x.get("error").asText()).isIn("no such file or directory", "empty file");
      }
    }
    assertThat(o.values())
        .allSatisfy(
            x -> assertThat(x.get("status").asText()).isIn("imported", "near-duplicate", "failed"));
    assertThat(cli.run("list", "--format", "ids").lines()).hasSize((int) imported);
    assertSound();
  }
}
