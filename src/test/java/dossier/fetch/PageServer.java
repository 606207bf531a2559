package dossier.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web server on a loopback address for the tests: pages written here, and every misbehaviour a
 * fetch must survive. It logs each request (path, headers, when it began and ended, in the order of
 * a counter rather than a clock) so tests can tell what was asked and how requests overlapped.
 */
public final class PageServer implements AutoCloseable {
  /** One request as the server saw it; {@code begin} and {@code end} come from one counter. */
  public record Hit(
      String host, String path, Map<String, List<String>> headers, long begin, long end) {}

  private final HttpServer server;
  private final AtomicInteger ticks = new AtomicInteger();
  private final Map<HttpExchange, Long> begins = new ConcurrentHashMap<>();
  public final List<Hit> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile int maxInFlight;
  private volatile long latencyMillis;

  /** Requests in flight at all servers of this process, and the most there were at once. */
  private static final AtomicInteger ALL_IN_FLIGHT = new AtomicInteger();

  private static volatile int allMaxInFlight;

  /** The most requests in flight at all servers of this process at once since the last reset. */
  public static int allMaxInFlight() {
    return allMaxInFlight;
  }

  public static void resetAllMaxInFlight() {
    allMaxInFlight = 0;
  }

  /** Pages under /page/ take this long to answer, as a remote site would (for benchmarks). */
  public PageServer latency(long millis) {
    latencyMillis = millis;
    return this;
  }

  /** Forgets the requests logged so far. */
  public void clearLog() {
    log.clear();
    maxInFlight = 0;
  }

  public PageServer() {
    this("127.0.0.1");
  }

  public PageServer(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "page-server");
              t.setDaemon(true);
              return t;
            }));
    server.createContext("/", logged(this::route));
    server.start();
  }

  /** The base address, e.g. {@code http://127.0.0.1:40123}. */
  public String base() {
    InetSocketAddress a = server.getAddress();
    return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  public String url(String path) {
    return base() + path;
  }

  /** The most requests this server had in progress at once. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /** How many times {@code path} was asked for. */
  public int count(String path) {
    AtomicInteger n = counts.get(path);
    return n == null ? 0 : n.get();
  }

  private HttpHandler logged(HttpHandler h) {
    return ex -> {
      long begin = ticks.incrementAndGet();
      begins.put(ex, begin);
      int now = inFlight.incrementAndGet();
      int all = ALL_IN_FLIGHT.incrementAndGet();
      synchronized (PageServer.class) {
        maxInFlight = Math.max(maxInFlight, now);
        allMaxInFlight = Math.max(allMaxInFlight, all);
      }
      counts
          .computeIfAbsent(ex.getRequestURI().getRawPath(), k -> new AtomicInteger())
          .incrementAndGet();
      try {
        h.handle(ex);
      } finally {
        finish(ex);
        ex.close();
      }
    };
  }

  /**
   * Logs the request as answered, once: called before the answer goes out, since a client that has
   * its answer may send its next request before this server's thread is done.
   */
  private void finish(HttpExchange ex) {
    // (HttpExchange attributes belong to the whole context on this JDK, not to one exchange)
    Long begin = begins.remove(ex);
    if (begin == null) {
      return;
    }
    inFlight.decrementAndGet();
    ALL_IN_FLIGHT.decrementAndGet();
    String path =
        ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + ex.getRequestURI().getRawQuery());
    log.add(
        new Hit(
            server.getAddress().getAddress().getHostAddress(),
            path,
            Map.copyOf(ex.getRequestHeaders()),
            begin,
            ticks.incrementAndGet()));
  }

  /** An article page whose words are its own. */
  public static String article(String title, String... paragraphs) {
    StringBuilder b =
        new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .append(title)
            .append("</title></head><body><article><h1>")
            .append(title)
            .append("</h1>");
    for (String p : paragraphs) {
      b.append("<p>").append(p).append("</p>");
    }
    return b.append("</article></body></html>").toString();
  }

  static final String P1 =
      "The ferry between Orsk and the islands will run twice a day from March, the operator said on"
          + " Thursday, after a winter in which storms cancelled one crossing in three.";
  static final String P2 =
      "Islanders had asked for the second crossing for years; the council will pay for the extra"
          + " fuel until the end of the season and then review the timetable.";

  private volatile int changing = 1;

  /** The page at /changing says something else from now on. */
  public void change() {
    changing++;
  }

  private void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    finish(ex);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void route(HttpExchange ex) throws IOException {
    String p = ex.getRequestURI().getRawPath();
    String html = "text/html; charset=utf-8";
    if (p.startsWith("/page/")) {
      String n = p.substring(6);
      if (latencyMillis > 0) {
        try {
          Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      send(ex, 200, html, utf8(article("Ferry notice " + n, P1 + " Notice " + n + ".", P2)));
    } else if (p.equals("/redirect")) {
      ex.getResponseHeaders().set("Location", "/page/moved");
      send(ex, 301, null, new byte[0]);
    } else if (p.equals("/loop/a")) {
      ex.getResponseHeaders().set("Location", "/loop/b");
      send(ex, 302, null, new byte[0]);
    } else if (p.equals("/loop/b")) {
      ex.getResponseHeaders().set("Location", "/loop/a");
      send(ex, 302, null, new byte[0]);
    } else if (p.equals("/to-file")) {
      ex.getResponseHeaders().set("Location", "file:///etc/passwd");
      send(ex, 302, null, new byte[0]);
    } else if (p.equals("/drip")) {
      // a few bytes, then nothing until the test ends
      ex.getResponseHeaders().set("Content-Type", html);
      ex.sendResponseHeaders(200, 100_000);
      OutputStream out = ex.getResponseBody();
      out.write(utf8("<!doctype html><html><body><p>The first words"));
      out.flush();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (p.equals("/big")) {
      ex.getResponseHeaders().set("Content-Type", html);
      ex.sendResponseHeaders(200, 0); // chunked: no length to refuse it by
      try (OutputStream out = ex.getResponseBody()) {
        byte[] chunk = utf8("<p>" + P1 + "</p>\n");
        for (int i = 0; i < 2000; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client stopped reading at its cap
      }
    } else if (p.equals("/wrong-charset")) {
      send(
          ex,
          200,
          "text/html; charset=iso-8859-1",
          utf8(
              article("Café owners in Orsk welcome the ferry", "Le café du port — ouvert. " + P1)));
    } else if (p.equals("/latin1")) {
      send(
          ex,
          200,
          "text/html; charset=windows-1252",
          article("Café owners in Orsk welcome the ferry", "Le café du port ouvert. " + P1)
              .replace("<meta charset=\"utf-8\">", "")
              .getBytes(java.nio.charset.Charset.forName("windows-1252")));
    } else if (p.equals("/gone")) {
      send(ex, 410, "text/plain", utf8("gone"));
    } else if (p.equals("/busy")) {
      // too many requests the first time, then the page
      if (count("/busy") == 1) {
        ex.getResponseHeaders().set("Retry-After", "3");
        send(ex, 429, "text/plain", utf8("slow down"));
      } else {
        send(ex, 200, html, utf8(article("Ferry busy", P1, P2)));
      }
    } else if (p.equals("/broken")) {
      send(ex, 500, "text/plain", utf8("oops"));
    } else if (p.equals("/report.pdf")) {
      send(
          ex,
          200,
          "application/pdf",
          dossier.ingest.Pdfs.create().heading("Ferry timetable report").paragraph(P1).bytes());
    } else if (p.equals("/image.png")) {
      send(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    } else if (p.equals("/gzip")) {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, html, gzip(utf8(article("Ferry gzip", P1, P2)), 1));
    } else if (p.equals("/bomb")) {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      send(ex, 200, html, bomb());
    } else if (p.equals("/changing")) {
      int v = changing;
      String[] third = {
        "", "The council confirmed the subsidy.", "The council withdrew the subsidy."
      };
      send(
          ex,
          200,
          html,
          utf8(article("Ferry subsidy", P1, v == 1 ? P2 : P2 + " " + third[Math.min(v - 1, 2)])));
    } else if (p.equals("/undated")) {
      ex.getResponseHeaders().set("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT");
      send(ex, 200, html, utf8(article("Ferry undated", P1, P2)));
    } else if (p.equals("/dated")) {
      ex.getResponseHeaders().set("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT");
      send(
          ex,
          200,
          html,
          utf8(
              article("Ferry dated", P1, P2)
                  .replace(
                      "<head>",
                      "<head><meta property=\"article:published_time\" content=\"2026-02-01\">")));
    } else if (p.equals("/canonical")) {
      send(
          ex,
          200,
          html,
          utf8(
              article("Ferry canonical", P1, P2)
                  .replace(
                      "<head>",
                      "<head><link rel=\"canonical\" href=\"" + base() + "/story/ferry\">")));
    } else if (p.equals("/echo-headers")) {
      StringBuilder b = new StringBuilder();
      ex.getRequestHeaders().forEach((k, v) -> b.append(k).append('=').append(v).append(". "));
      send(ex, 200, html, utf8(article("Ferry headers", P1, "Headers: " + b)));
    } else {
      send(ex, 404, "text/html", utf8("<p>not here</p>"));
    }
  }

  private static byte[] gzip(byte[] b, int times) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (int i = 0; i < times; i++) {
        gz.write(b);
      }
    }
    return out.toByteArray();
  }

  private static byte[] bombBytes;

  /** A small gzip body that inflates to 64 MB. */
  private static synchronized byte[] bomb() throws IOException {
    if (bombBytes == null) {
      bombBytes = gzip(new byte[1 << 20], 64);
    }
    return bombBytes;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
