package dossier.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cookies from a Netscape {@code cookies.txt} (what browser extensions and curl write): sent only
 * to the hosts and paths they belong to, secure ones only over https, expired ones never.
 */
public final class Cookies {
  public static final Cookies NONE = new Cookies(List.of());

  record Cookie(
      String domain,
      boolean subdomains,
      String path,
      boolean secure,
      long expires,
      String name,
      String value) {}

  private final List<Cookie> cookies;

  Cookies(List<Cookie> cookies) {
    this.cookies = List.copyOf(cookies);
  }

  /** Reads a cookies.txt; a line that is not a cookie is a clear error naming the line. */
  public static Cookies read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return parse(lines, file.toString());
  }

  static Cookies parse(List<String> lines, String name) throws IOException {
    List<Cookie> out = new ArrayList<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.startsWith("#HttpOnly_")) {
        line = line.substring("#HttpOnly_".length());
      } else if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = raw.strip().replaceFirst("^#HttpOnly_", "").split("\t", -1);
      if (f.length < 7) {
        throw new IOException(
            name + ": line " + n + " is not a cookie (expected 7 tab-separated fields)");
      }
      long expires;
      try {
        expires = Long.parseLong(f[4].strip());
      } catch (NumberFormatException e) {
        throw new IOException(name + ": line " + n + ": bad expiry '" + f[4] + "'");
      }
      String domain = f[0].strip().toLowerCase(Locale.ROOT);
      boolean sub = f[1].strip().equalsIgnoreCase("TRUE") || domain.startsWith(".");
      if (domain.startsWith(".")) {
        domain = domain.substring(1);
      }
      out.add(
          new Cookie(
              domain,
              sub,
              f[2].isBlank() ? "/" : f[2].strip(),
              f[3].strip().equalsIgnoreCase("TRUE"),
              expires,
              f[5],
              f[6]));
    }
    return new Cookies(out);
  }

  /** The Cookie header for a request to {@code url} at {@code now}, or null for none. */
  public String header(URI url, Instant now) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    StringBuilder b = new StringBuilder();
    for (Cookie c : cookies) {
      boolean hostMatches =
          host.equals(c.domain()) || c.subdomains() && host.endsWith("." + c.domain());
      boolean pathMatches =
          path.startsWith(c.path())
              && (path.length() == c.path().length()
                  || c.path().endsWith("/")
                  || path.charAt(c.path().length()) == '/');
      boolean live = c.expires() == 0 || c.expires() > now.getEpochSecond();
      if (hostMatches && pathMatches && live && (https || !c.secure())) {
        b.append(b.length() == 0 ? "" : "; ").append(c.name()).append('=').append(c.value());
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  public int size() {
    return cookies.size();
  }
}
