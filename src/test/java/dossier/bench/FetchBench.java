package dossier.bench;

import dossier.fetch.PageServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Imports 200 URLs served by 20 local hosts (loopback addresses 127.0.0.1 to 127.0.0.20, each page
 * answering after a set latency, as a remote site would) in one {@code dossier import --urls}
 * command, with several hosts at once and with one host at a time (the serial fetch), and checks in
 * the servers' logs that no host ever had two requests in flight.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:CLASSPATH dossier.bench.FetchBench
 * target/dossier.jar [runs] [latency ms] [delay]}.
 */
public final class FetchBench {
  private FetchBench() {}

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
    String delay = args.length > 3 ? args[3] : "100ms";
    List<PageServer> servers = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int h = 1; h <= 20; h++) {
      servers.add(new PageServer("127.0.0." + h).latency(latency));
    }
    for (int i = 0; i < 10; i++) {
      for (PageServer s : servers) {
        urls.add(s.url("/page/" + i));
      }
    }
    Path dir = Files.createTempDirectory("dossier-fetch-bench");
    Path list = dir.resolve("urls.txt");
    Files.write(list, urls);
    System.out.printf(
        Locale.ROOT,
        "200 URLs, 20 hosts, %d ms per page, --delay %s, %d runs each%n",
        latency,
        delay,
        runs);
    for (int hosts : new int[] {1, 8, 20}) {
      double[] secs = new double[runs];
      int perHostMax = 0;
      int allMax = 0;
      for (int r = 0; r < runs; r++) {
        servers.forEach(PageServer::clearLog);
        PageServer.resetAllMaxInFlight();
        Path db = dir.resolve("archive-" + hosts + "-" + r + ".db");
        ProcessBuilder pb =
            new ProcessBuilder(
                    "java",
                    "-jar",
                    jar,
                    "--db",
                    db.toString(),
                    "import",
                    "--urls",
                    list.toString(),
                    "--delay",
                    delay,
                    "--hosts",
                    String.valueOf(hosts),
                    "-q")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + hosts + "-" + r + ".txt").toFile());
        pb.environment().put("HOME", dir.toString());
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        secs[r] = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
          throw new IllegalStateException("dossier exited " + rc + " with --hosts " + hosts);
        }
        int requests = 0;
        for (PageServer s : servers) {
          requests += s.log.size();
          perHostMax = Math.max(perHostMax, s.maxInFlight());
          List<PageServer.Hit> hits = new ArrayList<>(s.log);
          hits.sort(Comparator.comparingLong(PageServer.Hit::begin));
          for (int i = 1; i < hits.size(); i++) {
            if (hits.get(i).begin() < hits.get(i - 1).end()) {
              throw new IllegalStateException("two requests at once at " + s.base());
            }
          }
        }
        if (requests != 200) {
          throw new IllegalStateException(requests + " requests instead of 200");
        }
        allMax = Math.max(allMax, PageServer.allMaxInFlight());
      }
      double[] sorted = secs.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "--hosts %2d: median %.2f s (runs %s); most requests in flight per host %d, at all"
              + " hosts %d%n",
          hosts,
          sorted[runs / 2],
          Arrays.toString(secs).replaceAll("(\\d+\\.\\d{2})\\d*", "$1"),
          perHostMax,
          allMax);
    }
    servers.forEach(PageServer::close);
  }
}
