package dossier.fetch;

import dossier.core.UrlKey;
import dossier.ingest.WebPage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches one URL with the JDK's {@link HttpClient}: redirects followed by hand (so that the final
 * address is known, a loop is reported, and no redirect leads out of http and https), the body read
 * against an idle timeout and the size cap, gzip decoded within the same cap, 429 and 5xx answers
 * tried again after the server's Retry-After or a growing pause.
 */
public final class Fetcher {
  /** How a pause is taken; the tests record pauses instead of waiting them out. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** What became of one URL: a page, or the reason there is none in words. */
  public record Result(String url, WebPage page, String error) {
    public boolean ok() {
      return page != null;
    }
  }

  static final int MAX_REDIRECTS = 10;

  private final HttpClient client;
  private final FetchOptions opts;
  private final Sleeper sleeper;

  public Fetcher(FetchOptions opts) {
    this(opts, d -> Thread.sleep(d.toMillis()));
  }

  public Fetcher(FetchOptions opts, Sleeper sleeper) {
    this.opts = opts;
    this.sleeper = sleeper;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(opts.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public FetchOptions options() {
    return opts;
  }

  /** Pauses as the options say between two requests to one host. */
  void politePause() throws InterruptedException {
    if (!opts.delay().isZero()) {
      sleeper.sleep(opts.delay());
    }
  }

  /** Checks that {@code url} is an address dossier fetches; returns the problem, or null. */
  public static String problem(String url) {
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "only http and https URLs are fetched";
      }
      if (u.getHost() == null) {
        return "not a URL with a host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "not a valid URL (" + e.getReason() + ")";
    }
  }

  /** Fetches {@code url}, trying again as the options allow. Never throws but on interruption. */
  public Result fetch(String url) throws InterruptedException {
    String bad = problem(url);
    if (bad != null) {
      return new Result(url, null, bad);
    }
    for (int attempt = 0; ; attempt++) {
      Attempt a = once(url.strip());
      if (a.retryAfter == null || attempt >= opts.retries()) {
        return a.result;
      }
      Duration wait = a.retryAfter;
      if (wait.compareTo(opts.maxRetryWait()) > 0) {
        return new Result(
            url,
            null,
            a.result.error()
                + " (the server asks to retry after "
                + wait.toSeconds()
                + " s, longer than dossier waits)");
      }
      sleeper.sleep(wait);
    }
  }

  /** One try: the result, and when it may be tried again (null: not to be retried). */
  private record Attempt(Result result, Duration retryAfter) {}

  private Attempt once(String url) throws InterruptedException {
    URI uri = URI.create(url);
    Set<String> seen = new LinkedHashSet<>();
    seen.add(UrlKey.orSelf(uri.toString()));
    for (int hops = 0; ; hops++) {
      HttpResponse<Body> resp;
      try {
        resp = client.send(request(uri), info -> new Body());
      } catch (IOException e) {
        // a network failure may pass: tried again after the usual pause
        return new Attempt(new Result(url, null, describe(e, uri)), backoff());
      }
      int status = resp.statusCode();
      HttpHeaders h = resp.headers();
      if (status >= 300 && status < 400 && status != 304 && h.firstValue("location").isPresent()) {
        resp.body().cancel();
        URI next;
        try {
          next = uri.resolve(new URI(h.firstValue("location").get().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          return fail(url, "HTTP " + status + " redirect to a bad address");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          return fail(url, "redirected to a " + scheme + ": address, which is not followed");
        }
        if (!seen.add(UrlKey.orSelf(next.toString()))) {
          return fail(url, "redirect loop: " + String.join(" -> ", seen) + " -> " + next);
        }
        if (hops + 1 >= MAX_REDIRECTS) {
          return fail(url, "more than " + MAX_REDIRECTS + " redirects");
        }
        uri = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        resp.body().cancel();
        String error = "HTTP " + status + reason(status);
        if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
          Duration wait = retryAfter(h).orElse(backoff());
          return new Attempt(new Result(url, null, error), wait);
        }
        return fail(url, error);
      }
      return new Attempt(read(url, uri, status, h, resp.body()), null);
    }
  }

  private Duration backoff() {
    return opts.delay();
  }

  private static Attempt fail(String url, String error) {
    return new Attempt(new Result(url, null, error), null);
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(opts.timeout())
            .header("User-Agent", opts.userAgent())
            .header(
                "Accept",
                "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
            .header("Accept-Encoding", "gzip");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    String cookie = opts.cookies().header(uri, Instant.now());
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    for (String line : opts.headers()) {
      int colon = line.indexOf(':');
      b.header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return b.build();
  }

  /** Checks an extra header given as {@code Name: value}; returns the problem, or null. */
  public static String headerProblem(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || line.substring(0, colon).isBlank()) {
      return "bad header '" + line + "' (expected Name: value)";
    }
    String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (Set.of("host", "connection", "content-length", "expect", "upgrade").contains(name)) {
      return "the header " + line.substring(0, colon).strip() + " cannot be set";
    }
    return null;
  }

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "text/html",
          "application/xhtml+xml",
          "text/plain",
          "text/markdown",
          "text/x-markdown",
          "application/pdf");

  private Result read(String url, URI uri, int status, HttpHeaders h, Body body)
      throws InterruptedException {
    Optional<String> type = h.firstValue("content-type");
    String mediaType = type.map(Fetcher::mediaType).orElse(null);
    if (mediaType != null
        && !ARTICLE_TYPES.contains(mediaType)
        && !mediaType.equals("application/octet-stream")) {
      body.cancel();
      return new Result(url, null, "not an article page but " + mediaType);
    }
    long length = h.firstValueAsLong("content-length").orElse(-1);
    if (length > opts.maxSize()) {
      body.cancel();
      return new Result(
          url,
          null,
          "the page is " + human(length) + ", more than --max-size " + human(opts.maxSize()));
    }
    byte[] bytes;
    try {
      bytes = body.readAll(opts.maxSize(), opts.timeout());
      String encoding =
          h.firstValue("content-encoding").orElse("").strip().toLowerCase(Locale.ROOT);
      if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
        bytes = gunzip(bytes, opts.maxSize());
      } else if (!encoding.isEmpty() && !encoding.equals("identity")) {
        return new Result(
            url, null, "the server sent an encoding dossier cannot read: " + encoding);
      }
    } catch (IOException e) {
      return new Result(url, null, e.getMessage());
    }
    if ("application/octet-stream".equals(mediaType)) {
      if (bytes.length < 5
          || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
              .equals("%PDF-")) {
        return new Result(url, null, "not an article page but application/octet-stream");
      }
      mediaType = "application/pdf";
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    h.map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return new Result(
        url,
        new WebPage(
            url,
            uri.toString(),
            status,
            mediaType,
            type.map(Fetcher::charset).orElse(null),
            bytes,
            headers,
            h.firstValue("last-modified").orElse(null)),
        null);
  }

  static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType)
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  static Charset charset(String contentType) {
    for (String p : contentType.split(";")) {
      String t = p.strip();
      if (t.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = t.substring(8).strip().replace("\"", "").replace("'", "");
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return null; // an unknown name: the page and detection decide
        }
      }
    }
    return null;
  }

  /** Retry-After as seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders h) {
    Optional<String> v = h.firstValue("retry-after");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get().strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(Instant.now(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /** Decodes gzip, refusing to inflate past {@code cap} bytes (a gzip bomb). */
  static byte[] gunzip(byte[] b, long cap) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > cap) {
          throw new IOException(
              "the gzip-encoded page inflates past --max-size "
                  + human(cap)
                  + "; not read further");
        }
      }
      return out.toByteArray();
    } catch (EOFException e) {
      throw new IOException("the gzip-encoded page is cut short");
    } catch (java.util.zip.ZipException e) {
      throw new IOException("the gzip-encoded page is broken: " + e.getMessage());
    }
  }

  static String human(long bytes) {
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20)).replace(".0 ", " ");
    }
    if (bytes >= 1L << 10) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0).replace(".0 ", " ");
    }
    return bytes + " bytes";
  }

  private String describe(IOException e, URI uri) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect to " + uri.getHost() + " within " + seconds() + " (timed out)";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer from " + uri.getHost() + " within " + seconds() + " (timed out)";
    }
    if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
      return "host not found: " + uri.getHost();
    }
    if (e instanceof ConnectException || root instanceof ConnectException) {
      return "could not connect to " + uri.getHost() + " (connection refused)";
    }
    if (e instanceof SSLException || root instanceof SSLException) {
      return "secure connection to " + uri.getHost() + " failed: " + root.getMessage();
    }
    if (e instanceof EOFException || root instanceof EOFException) {
      return "the connection to " + uri.getHost() + " closed before an answer";
    }
    String m = e.getMessage() != null ? e.getMessage() : root.getMessage();
    return "network error: " + (m == null ? e.getClass().getSimpleName() : m);
  }

  private String seconds() {
    return seconds(opts.timeout());
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  static String reason(int status) {
    String r =
        switch (status) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 406 -> "Not Acceptable";
          case 408 -> "Request Timeout";
          case 410 -> "Gone";
          case 429 -> "Too Many Requests";
          case 451 -> "Unavailable For Legal Reasons";
          case 500 -> "Internal Server Error";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> null;
        };
    return r == null ? "" : " " + r;
  }

  /**
   * A response body read by the fetching thread as it arrives, so that a server that stops sending
   * (a slow drip) is given up on after the idle timeout and a body over the cap is cut off.
   */
  static final class Body implements HttpResponse.BodySubscriber<Body> {
    private static final Object END = new Object();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public CompletionStage<Body> getBody() {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
      queue.add(t);
    }

    @Override
    public void onComplete() {
      queue.add(END);
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @SuppressWarnings("unchecked")
    byte[] readAll(long cap, Duration idle) throws IOException, InterruptedException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<ByteBuffer> pending = new ArrayList<>();
      while (true) {
        Object o = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (o == null) {
          cancel();
          throw new IOException(
              "the server stopped sending for "
                  + seconds(idle)
                  + " (timed out after "
                  + human(out.size())
                  + ")");
        }
        if (o == END) {
          return out.toByteArray();
        }
        if (o instanceof Throwable t) {
          throw new IOException("the connection broke while the page was read: " + t.getMessage());
        }
        pending.clear();
        pending.addAll((List<ByteBuffer>) o);
        for (ByteBuffer bb : pending) {
          if (out.size() + (long) bb.remaining() > cap) {
            cancel();
            throw new IOException(
                "the page is more than --max-size " + human(cap) + "; not read further");
          }
          byte[] chunk = new byte[bb.remaining()];
          bb.get(chunk);
          out.write(chunk);
        }
        subscription.request(1);
      }
    }
  }
}
