package dossier.reliability;

import static org.assertj.core.api.Assertions.fail;

import dossier.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The normal suite's share of fuzzing: every input the coverage-guided fuzzer (profile {@code
 * fuzz}) found or was seeded with is replayed against its target, then a fixed number of seeded
 * mutations of the seeds looks for new failures on every build: the same inputs on every machine
 * ({@code -Ddossier.fuzz.rounds=N} tries N times as many).
 */
class FuzzRegressionTest {
  /** Where the fuzzer keeps its findings, one folder per target. */
  static final Path INPUTS = Cli.projectDir().resolve("src/test/resources/dossier/FuzzTestsInputs");

  /** A target, its seeds, and how many mutations of them a build tries (about a second's worth). */
  record Target(String name, Consumer<byte[]> run, List<byte[]> seeds, int mutations) {}

  static List<Target> targets() {
    List<byte[]> pages = new ArrayList<>();
    pages.add(("\0" + Corpus.article(1, 1)).getBytes(StandardCharsets.UTF_8));
    pages.add(("\2" + Corpus.page(1, 2)).getBytes(StandardCharsets.UTF_8));
    pages.add(
        ("\3---\ntitle: \"Front: matter\"\ndate: 2024-08-15\ntags: [a, b/c]\nauthor: Ann\n---\n\n"
                + "# Heading\n\nBody *text* with [a link](http://x).\n")
            .getBytes(StandardCharsets.UTF_8));
    List<byte[]> queries =
        utf8(
            "harbour council",
            "title:\"quay levy\" OR body:dredg*",
            "(a OR b) -c NOT d",
            "tag:port/levy -tag:x is:starred",
            "date:2024-08..2024-09-15 imported:30d..",
            "source:\"the courier\" site:example.org author:lee",
            "saved:loop",
            "id:7 after:2024",
            "\"unclosed",
            "((",
            "note:\"\" lang:en section:x url:http");
    List<byte[]> lines =
        utf8(
            "+a -b -- harbour",
            "+\"new york\" -- tag:x",
            "-old +new/child id:3",
            "+a +a -- *",
            "+\"unclosed -- x",
            "-- just a query",
            "+ -");
    List<byte[]> exports =
        utf8(
            "[{\"title\":\"T\",\"body\":\"B\",\"content_hash\":\"h1\",\"tags\":[\"a\"],"
                + "\"status\":\"read\",\"starred\":true,\"authors\":[\"A\"]}]",
            "{\"body\":\"x\",\"content_hash\":\"h2\",\"original\":\"aGVsbG8=\"}\n"
                + "{\"body\":\"y\",\"content_hash\":\"h3\",\"status\":\"bogus\"}\n",
            "[1, \"a\", null, {}]",
            "{\"body\":");
    return List.of(
        new Target("extract", FuzzTargets::extract, pages, 400),
        new Target("query", FuzzTargets::query, queries, 1500),
        new Target("tagLine", FuzzTargets::tagLine, lines, 10_000),
        new Target("restoreJson", FuzzTargets::restoreJson, exports, 2500));
  }

  private static List<byte[]> utf8(String... s) {
    return Stream.of(s).map(x -> x.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static void run(Target t, byte[] input, String what) {
    try {
      t.run().accept(input);
    } catch (Throwable e) {
      fail(t.name() + " failed on " + what + " (hex " + HexFormat.of().formatHex(input) + ")", e);
    }
  }

  @TestFactory
  Stream<DynamicTest> inputsTheFuzzerFound() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Target t : targets()) {
      Path dir = INPUTS.resolve(t.name());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          tests.add(
              DynamicTest.dynamicTest(
                  t.name() + " " + f.getFileName(),
                  () -> run(t, Files.readAllBytes(f), f.getFileName().toString())));
        }
      }
    }
    return tests.stream();
  }

  /** Tokens that parsers treat specially, spliced in by the mutator. */
  private static final List<byte[]> TOKENS =
      utf8(
          "<div>",
          "</div>",
          "<p>",
          "<script>",
          "<!--",
          "-->",
          "<![CDATA[",
          "&amp;",
          "&#0;",
          "\"",
          "'",
          "(",
          ")",
          "*",
          ":",
          "..",
          "--",
          "-",
          "+",
          "OR",
          "NOT",
          "tag:",
          "date:",
          "saved:",
          "\n---\n",
          "\n\n",
          "\r\n",
          "\u0000",
          "\u001b[2J",
          "\u202e",
          "\ufeff",
          "{",
          "}",
          "[",
          "]",
          "\\",
          "\\u0000",
          "null",
          "By ",
          "Published ",
          "# ",
          "http://",
          "\u00e9",
          "\ud83d\ude00");

  static byte[] mutate(byte[] in, Random r) {
    List<Byte> b = new ArrayList<>(in.length + 16);
    for (byte x : in) {
      b.add(x);
    }
    int steps = 1 + r.nextInt(6);
    for (int s = 0; s < steps; s++) {
      int pos = b.isEmpty() ? 0 : r.nextInt(b.size() + 1);
      switch (r.nextInt(6)) {
        case 0 -> {
          if (!b.isEmpty()) {
            int i = r.nextInt(b.size());
            b.set(i, (byte) (b.get(i) ^ (1 << r.nextInt(8))));
          }
        }
        case 1 -> b.add(pos, (byte) r.nextInt(256));
        case 2 -> {
          int n = Math.min(b.size() - pos, 1 + r.nextInt(16));
          for (int i = 0; i < n; i++) {
            b.remove(pos);
          }
        }
        case 3 -> {
          byte[] tok = TOKENS.get(r.nextInt(TOKENS.size()));
          for (int i = tok.length - 1; i >= 0; i--) {
            b.add(pos, tok[i]);
          }
        }
        case 4 -> {
          // repeat a chunk: deep nesting and long runs
          if (!b.isEmpty()) {
            int from = r.nextInt(b.size());
            int len = Math.min(b.size() - from, 1 + r.nextInt(8));
            List<Byte> chunk = new ArrayList<>(b.subList(from, from + len));
            int times = 1 + r.nextInt(200);
            for (int i = 0; i < times; i++) {
              b.addAll(Math.min(pos, b.size()), chunk);
            }
          }
        }
        default -> {
          if (b.size() > 1) {
            b = new ArrayList<>(b.subList(0, r.nextInt(b.size())));
          }
        }
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> seedsAndAFixedNumberOfMutations() {
    // a fixed number of mutations from a fixed seed: every machine tries the same inputs
    int rounds = Integer.getInteger("dossier.fuzz.rounds", 1);
    return targets().stream()
        .map(
            t ->
                DynamicTest.dynamicTest(
                    t.name(),
                    () -> {
                      for (byte[] s : t.seeds()) {
                        run(t, s, "a seed");
                      }
                      Random r = new Random(t.name().hashCode());
                      for (int n = 0; n < t.mutations() * rounds; n++) {
                        byte[] seed = t.seeds().get(r.nextInt(t.seeds().size()));
                        run(t, mutate(seed, r), "mutation " + n);
                      }
                    }));
  }
}
