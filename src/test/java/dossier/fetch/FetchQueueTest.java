package dossier.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Many hosts at once, one request at a time per host, as the servers' own logs tell. */
class FetchQueueTest {
  @Test
  void oneRequestAtATimePerHostAndEveryUrlOnce() throws Exception {
    List<PageServer> servers = new ArrayList<>();
    try {
      List<String> urls = new ArrayList<>();
      for (int h = 1; h <= 5; h++) {
        PageServer s = new PageServer("127.0.0." + h);
        servers.add(s);
      }
      for (int i = 0; i < 6; i++) {
        for (PageServer s : servers) {
          urls.add(s.url("/page/" + i));
        }
      }
      Fetcher f =
          new Fetcher(
              new FetchOptions(
                  Duration.ofSeconds(20), 1 << 20, null, null, null, Duration.ZERO, 0, null, 3));
      Set<String> got = new HashSet<>();
      try (FetchQueue q = new FetchQueue(urls, f, () -> false)) {
        while (q.hasNext()) {
          Fetcher.Result r = q.next();
          assertThat(r.error()).as(r.url()).isNull();
          assertThat(got.add(r.url())).as("each URL once").isTrue();
        }
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(urls);
      for (PageServer s : servers) {
        assertThat(s.log).hasSize(6);
        assertThat(s.maxInFlight()).as("requests in flight at %s", s.base()).isEqualTo(1);
        // and in the log's own order: each request ended before the next began
        List<PageServer.Hit> hits = new ArrayList<>(s.log);
        hits.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        for (int i = 1; i < hits.size(); i++) {
          assertThat(hits.get(i).begin()).isGreaterThan(hits.get(i - 1).end());
        }
      }
    } finally {
      servers.forEach(PageServer::close);
    }
  }

  @Test
  void urlsOfAHostAreCountedByHostAndPort() {
    assertThat(FetchQueue.hostOf("http://Example.com/a")).isEqualTo("example.com:-1");
    assertThat(FetchQueue.hostOf("http://127.0.0.1:8080/a")).isEqualTo("127.0.0.1:8080");
  }
}
