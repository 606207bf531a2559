package dossier.cli;

import dossier.core.UsageException;
import dossier.fetch.Cookies;
import dossier.fetch.FetchOptions;
import dossier.fetch.Fetcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** How pages are fetched, for {@code import URL} and {@code refetch}; also from the config file. */
final class FetchMixin {
  Path cookies;

  String userAgent;

  List<String> headers = new ArrayList<>();

  String timeout = "30s";

  String delay = "1s";

  int retries = 2;

  int hosts = 8;

  /** Adds these options to {@code command} as the mixin {@code fetch}, after its own so far. */
  void addTo(CommandSpec command) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
    spec.addOption(
        Specs.option(Path.class, () -> cookies, v -> cookies = v, "--cookies")
            .paramLabel("FILE")
            .description(
                "Send the cookies of this Netscape cookies.txt to the sites they belong to (for"
                    + " pages you can read when logged in).")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> userAgent, v -> userAgent = v, "--user-agent")
            .paramLabel("TEXT")
            .description("The User-Agent header (default: dossier's own).")
            .build());
    spec.addOption(
        Specs.strings(() -> headers, v -> headers = v, "--header")
            .paramLabel("'NAME: VALUE'")
            .description("An extra request header (repeatable).")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> timeout, v -> timeout = v, "--timeout")
            .paramLabel("DURATION")
            .description(
                "Give up on a connection, an answer or a stalled body after this long (default:"
                    + " 30s).")
            .build());
    spec.addOption(
        Specs.option(String.class, () -> delay, v -> delay = v, "--delay")
            .paramLabel("DURATION")
            .description("Pause between two requests to one host (default: 1s; 0 for none).")
            .build());
    spec.addOption(
        Specs.option(int.class, () -> retries, v -> retries = v, "--retries")
            .paramLabel("N")
            .description(
                "Try a page again this many times after a 429, a 5xx or a network failure, after"
                    + " the server's Retry-After or the delay (default: 2).")
            .build());
    spec.addOption(
        Specs.option(int.class, () -> hosts, v -> hosts = v, "--hosts")
            .paramLabel("N")
            .description(
                "Fetch from this many hosts at once; one request at a time each (default: 8).")
            .build());
    command.addMixin("fetch", spec);
  }

  FetchOptions options(long maxSize) {
    for (String h : headers) {
      String problem = Fetcher.headerProblem(h);
      if (problem != null) {
        throw new UsageException("--header: " + problem);
      }
    }
    if (retries < 0) {
      throw new UsageException("--retries must be 0 or more");
    }
    Cookies jar = Cookies.NONE;
    if (cookies != null) {
      try {
        jar = Cookies.read(cookies);
      } catch (IOException e) {
        throw new UsageException("--cookies " + cookies + ": " + e.getMessage());
      }
    }
    Duration t = duration("--timeout", timeout);
    if (t.isZero()) {
      throw new UsageException("--timeout must be more than 0");
    }
    return new FetchOptions(
        t, maxSize, userAgent, headers, jar, duration("--delay", delay), retries, null, hosts);
  }

  /** {@code 500ms}, {@code 2s}, {@code 1m} or a bare number of seconds. */
  static Duration duration(String option, String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return positive(
            option, v, Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2))));
      }
      if (s.endsWith("s")) {
        s = s.substring(0, s.length() - 1);
      } else if (s.endsWith("m")) {
        return positive(
            option, v, Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1))));
      }
      return positive(option, v, Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000)));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "bad " + option + " '" + v + "' (expected a duration such as 500ms, 2s or 1m)");
    }
  }

  private static Duration positive(String option, String v, Duration d) {
    if (d.isNegative()) {
      throw new UsageException("bad " + option + " '" + v + "' (a duration cannot be negative)");
    }
    return d;
  }
}
