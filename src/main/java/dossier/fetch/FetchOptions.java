package dossier.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How pages are fetched.
 *
 * @param timeout the connect timeout, and the longest wait for the answer to start and between two
 *     pieces of its body
 * @param maxSize the largest body accepted, after gzip decoding
 * @param userAgent the User-Agent header
 * @param headers extra request headers, {@code Name: value} each
 * @param cookies cookies sent to the hosts they belong to
 * @param delay the pause between two requests to one host
 * @param retries how many times a 429, a 5xx or a network failure is tried again
 * @param maxRetryWait the longest wait for a retry a server's Retry-After may ask for
 * @param hosts how many hosts are fetched from at once
 */
public record FetchOptions(
    Duration timeout,
    long maxSize,
    String userAgent,
    List<String> headers,
    Cookies cookies,
    Duration delay,
    int retries,
    Duration maxRetryWait,
    int hosts) {
  public static final String DEFAULT_USER_AGENT =
      "dossier/0.1 (personal news archive; +https://github.com/dossier)";

  public FetchOptions {
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
    headers = headers == null ? List.of() : List.copyOf(headers);
    cookies = cookies == null ? Cookies.NONE : cookies;
    delay = delay == null ? Duration.ofSeconds(1) : delay;
    maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(120) : maxRetryWait;
    hosts = hosts <= 0 ? 8 : hosts;
  }

  public static FetchOptions defaults(long maxSize) {
    return new FetchOptions(null, maxSize, null, null, null, null, 2, null, 0);
  }
}
