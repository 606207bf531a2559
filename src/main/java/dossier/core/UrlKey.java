package dossier.core;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normalized form of an article's URL, under which two addresses of one page are the same: the
 * scheme and host in lower case, the default port, a user name and password, the fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and their kind) dropped, an
 * empty path as {@code /}. The scheme stays (an {@code http} page and its {@code https} twin are
 * usually one page, but not always); everything else in the path and query is kept as written,
 * since servers may read case and order.
 */
public final class UrlKey {
  private UrlKey() {}

  /** Query parameters that say who sent the reader, never what page they read. */
  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "yclid",
          "igshid",
          "twclid",
          "ttclid",
          "li_fat_id",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "wickedid",
          "cmpid",
          "ocid",
          "ncid",
          "sr_share",
          "at_medium",
          "at_campaign",
          "ito",
          "smid",
          "_ga",
          "_gl",
          "s_cid",
          "ref_src",
          "ref_url");

  /**
   * The normalized form of {@code url}, or null when it is not an absolute http(s) URL (a bare
   * name, a {@code file:} path): such a value is compared as it is written.
   */
  public static String of(String url) {
    if (url == null) {
      return null;
    }
    String s = url.strip();
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      try {
        u = new URI(s.replace(" ", "%20").replace("|", "%7C").replace("\"", "%22"));
      } catch (URISyntaxException e2) {
        return null;
      }
    }
    String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || u.getRawAuthority() == null) {
      return null;
    }
    String host = u.getHost();
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      // a host IDN refuses is kept as written, in lower case
    }
    int port = u.getPort();
    if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
      port = -1;
    }
    String path = u.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    StringBuilder b = new StringBuilder(scheme).append("://");
    b.append(host);
    if (port >= 0) {
      b.append(':').append(port);
    }
    b.append(path);
    String query = query(u.getRawQuery());
    if (!query.isEmpty()) {
      b.append('?').append(query);
    }
    return b.toString();
  }

  /** The key of {@code url} when it has one, else {@code url} as written. */
  public static String orSelf(String url) {
    String k = of(url);
    return k != null ? k : url;
  }

  /** The host of a normalized URL, or null. */
  public static String host(String url) {
    String k = of(url);
    if (k == null) {
      return null;
    }
    return URI.create(k).getHost();
  }

  private static String query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    return String.join("&", kept);
  }
}
