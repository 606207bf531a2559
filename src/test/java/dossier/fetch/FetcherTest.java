package dossier.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One fetch against the local server: every answer gets a clear result. */
class FetcherTest {
  final PageServer server = new PageServer();
  final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void stop() {
    server.close();
  }

  Fetcher fetcher(long maxSize, Duration timeout, int retries) {
    return new Fetcher(
        new FetchOptions(
            timeout,
            maxSize,
            null,
            List.of("X-Test: yes"),
            null,
            Duration.ZERO,
            retries,
            Duration.ofSeconds(10),
            4),
        pauses::add);
  }

  Fetcher.Result get(String path) throws InterruptedException {
    return fetcher(1 << 20, Duration.ofSeconds(20), 2).fetch(server.url(path));
  }

  @Test
  void aPageComesWithItsHeadersAndFinalAddress() throws Exception {
    Fetcher.Result r = get("/redirect");
    assertThat(r.error()).isNull();
    assertThat(r.page().requested()).isEqualTo(server.url("/redirect"));
    assertThat(r.page().finalUrl()).isEqualTo(server.url("/page/moved"));
    assertThat(r.page().contentType()).isEqualTo("text/html");
    assertThat(r.page().headers()).containsKey("content-type");
    assertThat(new String(r.page().body(), StandardCharsets.UTF_8)).contains("Ferry notice moved");
    PageServer.Hit hit = server.log.get(server.log.size() - 1);
    assertThat(hit.headers().get("X-test")).containsExactly("yes");
    assertThat(hit.headers().get("User-agent").get(0)).startsWith("dossier/");
  }

  @Test
  void aRedirectLoopIsReportedWithItsAddresses() throws Exception {
    Fetcher.Result r = get("/loop/a");
    assertThat(r.error()).startsWith("redirect loop: ").contains("/loop/a -> ").contains("/loop/b");
  }

  @Test
  void aRedirectToAFileIsNotFollowed() throws Exception {
    assertThat(get("/to-file").error())
        .isEqualTo("redirected to a file: address, which is not followed");
  }

  @Test
  void httpErrorsAreNamed() throws Exception {
    assertThat(get("/nothing-here").error()).isEqualTo("HTTP 404 Not Found");
    assertThat(get("/gone").error()).isEqualTo("HTTP 410 Gone");
    assertThat(server.count("/gone")).as("a 410 is not tried again").isEqualTo(1);
  }

  @Test
  void a429IsTriedAgainAfterRetryAfter() throws Exception {
    Fetcher.Result r = get("/busy");
    assertThat(r.error()).isNull();
    assertThat(server.count("/busy")).isEqualTo(2);
    assertThat(pauses).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a500IsTriedAgainThenReported() throws Exception {
    Fetcher.Result r = get("/broken");
    assertThat(r.error()).isEqualTo("HTTP 500 Internal Server Error");
    assertThat(server.count("/broken")).isEqualTo(3);
  }

  @Test
  void aStalledBodyTimesOut() throws Exception {
    Fetcher.Result r = fetcher(1 << 20, Duration.ofMillis(300), 0).fetch(server.url("/drip"));
    assertThat(r.error()).startsWith("the server stopped sending for 0.3 s");
  }

  @Test
  void aBodyOverTheCapIsCutOff() throws Exception {
    Fetcher.Result r = fetcher(50_000, Duration.ofSeconds(20), 0).fetch(server.url("/big"));
    assertThat(r.error()).isEqualTo("the page is more than --max-size 48.8 KB; not read further");
  }

  @Test
  void gzipIsDecodedAndABombIsCapped() throws Exception {
    assertThat(new String(get("/gzip").page().body(), StandardCharsets.UTF_8))
        .contains("Ferry gzip");
    assertThat(get("/bomb").error())
        .isEqualTo("the gzip-encoded page inflates past --max-size 1 MB; not read further");
  }

  @Test
  void aTypeThatIsNoArticleIsRefused() throws Exception {
    assertThat(get("/image.png").error()).isEqualTo("not an article page but image/png");
    assertThat(get("/report.pdf").page().fileName()).isEqualTo("page.pdf");
  }

  @Test
  void theHeaderCharsetIsKept() throws Exception {
    assertThat(get("/latin1").page().charset().name()).isEqualTo("windows-1252");
  }

  @Test
  void aClosedPortIsANetworkErrorInWords() throws Exception {
    String url = server.base();
    server.close();
    Fetcher.Result r = fetcher(1 << 20, Duration.ofSeconds(5), 0).fetch(url + "/page/1");
    assertThat(r.error()).startsWith("could not connect to 127.0.0.1");
  }

  @Test
  void onlyWebAddressesAreFetched() throws Exception {
    assertThat(fetcher(1, Duration.ofSeconds(1), 0).fetch("file:///etc/passwd").error())
        .isEqualTo("only http and https URLs are fetched");
  }
}
