package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.fetch.PageServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dossier import URL...} against a local server: one clear outcome line a URL. */
class ImportUrlTest {
  @TempDir Path tmp;
  Cli cli;
  PageServer server;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    server = new PageServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Cli.Result importing(String... args) {
    List<String> all = new ArrayList<>(List.of("import", "--delay", "0", "--retries", "0"));
    all.addAll(List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  String json(int id) {
    return cli.run("show", String.valueOf(id), "--format", "json").out();
  }

  @Test
  void everyAnswerGetsItsOutcomeLine() throws IOException {
    Path file = tmp.resolve("note.txt");
    Files.writeString(file, "Harbour fees rise\n\nThe port board raised its fees on Monday.\n");
    Cli.Result r =
        importing(
            "--max-size",
            "1M",
            "--timeout",
            "2s",
            server.url("/page/1"),
            file.toString(),
            server.url("/redirect"),
            server.url("/loop/a"),
            server.url("/gone"),
            server.url("/nothing"),
            server.url("/image.png"),
            server.url("/report.pdf"),
            server.url("/bomb"),
            server.url("/to-file"),
            "ftp://example.com/x");
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    String err = r.err();
    assertThat(err)
        .contains("imported: " + server.url("/page/1") + " (article ")
        // the page the redirect ends at shares the test pages' text: stored as a copy
        .contains("near-duplicate: " + server.url("/redirect") + " (article ")
        .contains("error: " + server.url("/loop/a") + ": redirect loop: ")
        .contains("error: " + server.url("/gone") + ": HTTP 410 Gone")
        .contains("error: " + server.url("/nothing") + ": HTTP 404 Not Found")
        .contains("error: " + server.url("/image.png") + ": not an article page but image/png")
        .containsPattern("(imported|near-duplicate): " + server.url("/report.pdf"))
        .contains(
            "error: "
                + server.url("/bomb")
                + ": the gzip-encoded page inflates past --max-size 1 MB")
        .contains("error: " + server.url("/to-file") + ": redirected to a file: address")
        .contains("error: ftp://example.com/x: only http and https URLs are fetched")
        // the test pages share their text: some are stored as copies of the first
        .containsPattern(
            "imported [0-9], 0 duplicates(, [0-9] near-duplicates? stored)?, 7 failed");
    ImportCommandTest.assertNoStackTrace(r);
    assertThat(cli.run("list", "--format", "ids").lines()).hasSize(4);
    // the redirect's final address is the article's URL, and the PDF came through whole
    assertThat(cli.run("list", "--format", "ids", "url:/page/moved").lines()).hasSize(1);
    assertThat(cli.run("list", "--format", "ids", "title:\"timetable report\"").lines()).hasSize(1);
  }

  @Test
  void anArchivedUrlIsADuplicateWithoutAFetch() {
    assertThat(importing(server.url("/canonical?utm_source=feed")).code()).isZero();
    assertThat(server.count("/canonical")).isEqualTo(1);
    // the page's canonical link is its URL
    assertThat(json(1)).contains("\"url\" : \"" + server.url("/story/ferry") + "\"");
    Cli.Result again =
        importing(
            server.url("/canonical#top"),
            server.url("/canonical?fbclid=abc"),
            server.url("/story/ferry?utm_medium=mail"));
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err())
        .contains(
            "duplicate: "
                + server.url("/canonical#top")
                + " (archived as article 1, not fetched; --refetch fetches it again)")
        .contains(
            "duplicate: "
                + server.url("/story/ferry?utm_medium=mail")
                + " (archived as article 1, not fetched; --refetch fetches it again)")
        .contains("imported 0, 3 duplicates");
    assertThat(server.count("/canonical")).as("nothing fetched").isEqualTo(1);
    assertThat(server.count("/story/ferry")).isZero();
    // fetched again on request: the page has not changed
    Cli.Result fetched = importing("--refetch", server.url("/canonical"));
    assertThat(fetched.code()).as(fetched.toString()).isZero();
    assertThat(fetched.err())
        .contains("duplicate: " + server.url("/canonical") + " (same text as article 1)");
    assertThat(server.count("/canonical")).isEqualTo(2);
  }

  @Test
  void urlsFromAFileAndFromStdin() throws IOException {
    Path list = tmp.resolve("urls.txt");
    Files.writeString(
        list,
        "# saved this morning\n" + server.url("/page/1") + "\n\n" + server.url("/page/2") + "\n");
    assertThat(importing("--urls", list.toString()).err())
        .containsPattern("imported (2, 0 duplicates|1, 0 duplicates, 1 near-duplicate stored)");
    Cli.Result r =
        cli.runWithInput(
            (server.url("/page/3") + "\n" + server.url("/page/1") + "\n")
                .getBytes(StandardCharsets.UTF_8),
            "import",
            "--delay",
            "0",
            "--urls",
            "-",
            "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern(
            "\\{\"url\":\"" + server.url("/page/3") + "\",\"status\":\"(imported|near-duplicate)\"")
        .contains("{\"url\":\"" + server.url("/page/1") + "\",\"status\":\"duplicate\",\"id\":1");
  }

  @Test
  void charsetFromTheHeaderThenThePage() {
    assertThat(importing(server.url("/latin1"), server.url("/wrong-charset")).code()).isZero();
    // a windows-1252 page that says so only in its header, and a UTF-8 page whose header is wrong
    assertThat(json(1)).contains("Café owners in Orsk").doesNotContain("\uFFFD");
    assertThat(json(2)).contains("Le café du port — ouvert").doesNotContain("Ã");
  }

  @Test
  void lastModifiedIsADateOfLastResort() {
    assertThat(importing(server.url("/undated"), server.url("/dated")).code()).isZero();
    assertThat(json(1))
        .contains("\"published\" : \"2026-03-03\"")
        .contains("\"published\" : \"http last-modified\"");
    assertThat(json(2)).contains("\"published\" : \"2026-02-01\"");
  }

  @Test
  void theOriginalBytesAreKept() {
    assertThat(importing(server.url("/gzip")).code()).isZero();
    assertThat(
            new String(cli.run("show", "1", "--format", "raw").outBytes(), StandardCharsets.UTF_8))
        .startsWith("<!doctype html>")
        .contains("Ferry gzip");
  }

  @Test
  void cookiesAndHeadersGoWithTheRequest() throws IOException {
    Path jar = tmp.resolve("cookies.txt");
    Files.writeString(
        jar,
        "# Netscape HTTP Cookie File\n"
            + "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n"
            + "other.example\tTRUE\t/\tFALSE\t0\tleak\tno\n"
            + "127.0.0.1\tFALSE\t/\tFALSE\t1\texpired\tno\n");
    Path config = tmp.resolve("config");
    Files.writeString(config, "import.user-agent = Clipper/2\n");
    cli.env("DOSSIER_CONFIG", config.toString());
    Cli.Result r =
        importing(
            "--cookies", jar.toString(), "--header", "X-Reader: me", server.url("/echo-headers"));
    assertThat(r.code()).as(r.toString()).isZero();
    PageServer.Hit hit = server.log.get(server.log.size() - 1);
    assertThat(hit.headers().get("Cookie")).containsExactly("session=abc123");
    assertThat(hit.headers().get("User-agent")).containsExactly("Clipper/2");
    assertThat(hit.headers().get("X-reader")).containsExactly("me");
  }

  @Test
  void badFetchOptionsAreUsageErrors() throws IOException {
    Path jar = tmp.resolve("bad-cookies.txt");
    Files.writeString(jar, "not a cookie line\n");
    Cli.Result r = importing("--cookies", jar.toString(), server.url("/page/1"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad-cookies.txt: line 1 is not a cookie");
    assertThat(cli.run("import", "--delay", "soon", server.url("/page/1")).err())
        .contains("bad --delay 'soon'");
    assertThat(importing("--header", "Host: x", server.url("/page/1")).err())
        .contains("the header Host cannot be set");
    assertThat(server.count("/page/1")).isZero();
  }
}
