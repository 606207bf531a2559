package dossier.tui;

import dossier.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Made-up articles for the grouped review list: one wire report carried by six outlets (the
 * original and five copies, each with its own headline and an intro line or a trimmed ending), a
 * story that develops over three days in three outlets (different texts), and one article on its
 * own. Imported in that order, so the original is #1, its copies #2 to #6, the story #7 to #9 and
 * the lone article #10.
 */
final class Wire {
  private Wire() {}

  static final String[] OUTLETS = {
    "Coast Wire", "Valley Post", "Harbour Times", "North Star", "Daily Lantern", "Riverside News"
  };

  static final String[] HEADLINES = {
    "Ferry line halts after pier collapse",
    "Pier gives way, ferries stop",
    "Ferry service suspended at Brannock",
    "Brannock pier collapse stops crossings",
    "Crossings halted as pier falls",
    "No ferries after Brannock pier fails"
  };

  /** The wire report: eight paragraphs. */
  static List<String> report() {
    String[] who = {
      "The harbour master",
      "A ferry captain",
      "Coastguard officers",
      "The operator's spokesman",
      "Local shopkeepers",
      "A structural engineer",
      "Commuters on the quay",
      "The county council"
    };
    List<String> p = new ArrayList<>();
    for (int i = 0; i < who.length; i++) {
      p.add(
          who[i]
              + " said on Sunday that the collapse of the old timber pier at Brannock had stopped"
              + " crossing number "
              + (i + 2)
              + ", stranding "
              + (i * 35 + 60)
              + " passengers, and that inspections of berth "
              + (i + 1)
              + " would take most of the week.");
    }
    return p;
  }

  /** The developing story: three reports on the Orlen bridge over three days. */
  static final String[][] STORY = {
    {
      "2026-11-03",
      "Valley Post",
      "Orlen bridge closed over cracks",
      "Inspectors closed the Orlen bridge at Kellow on Tuesday after finding cracks in two"
          + " piers, and transport minister Tavi Marsh ordered a review of every crossing built by"
          + " Grendal Works.\n\nDrivers in Kellow face a forty minute detour, Marsh said."
    },
    {
      "2026-11-04",
      "Harbour Times",
      "Kellow traders count the cost",
      "Shops on the Kellow side of the Orlen bridge reported empty tills as the closure entered"
          + " its second day. Tavi Marsh met traders and promised help.\n\nGrendal Works said the"
          + " Orlen bridge piers had passed their last inspection."
    },
    {
      "2026-11-05",
      "North Star",
      "Grendal Works questioned on Orlen piers",
      "Engineers from Grendal Works answered questions about the Orlen bridge from the review"
          + " Tavi Marsh set up. Kellow residents sat in.\n\nMarsh is expected to report on the"
          + " piers next week."
    },
  };

  static final String[] LONE = {
    "2026-11-04",
    "Daily Lantern",
    "Chess club wins county cup",
    "The Westfold Chess Club beat Ambry in the county final, with Ilse Varga winning the last"
        + " game.\n\nVarga has played for Westfold since she was nine."
  };

  /** Writes the articles as markdown files into {@code dir}, in import order. */
  static List<Path> write(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> out = new ArrayList<>();
      List<String> report = report();
      for (int i = 0; i < OUTLETS.length; i++) {
        List<String> body = new ArrayList<>(report);
        if (i % 2 == 1) {
          body.add(0, "From the " + OUTLETS[i] + " newsdesk:");
        }
        if (i >= 3) {
          body = body.subList(0, 6 + (i % 2));
        }
        String day = i < 3 ? "2026-11-01" : "2026-11-02";
        out.add(md(dir, out.size(), HEADLINES[i], OUTLETS[i], day, String.join("\n\n", body)));
      }
      for (String[] s : STORY) {
        out.add(md(dir, out.size(), s[2], s[1], s[0], s[3]));
      }
      out.add(md(dir, out.size(), LONE[2], LONE[1], LONE[0], LONE[3]));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path md(Path dir, int n, String title, String site, String day, String body)
      throws IOException {
    Path f = dir.resolve(String.format("%02d.md", n + 1));
    String md =
        "---\ntitle: \"" + title + "\"\nsite: " + site + "\ndate: " + day + "\n---\n\n" + body;
    Files.writeString(f, md + "\n", StandardCharsets.UTF_8);
    return f;
  }

  /** An archive in {@code dir} with the articles imported one by one, in order. */
  static Cli archive(Path dir) {
    Cli cli = new Cli(dir);
    for (Path f : write(dir.resolve("wire"))) {
      Cli.Result r = cli.run("import", f.toString());
      if (r.code() != 0) {
        throw new AssertionError(r.toString());
      }
    }
    return cli;
  }
}
