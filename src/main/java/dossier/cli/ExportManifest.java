package dossier.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a folder export (markdown, html) wrote, kept in the folder as {@code .dossier-export}: the
 * next export into the same folder removes the files the last one wrote and this one did not (an
 * article deleted since, or left out by the query), so the folder mirrors the export. Files it did
 * not write itself are never touched.
 */
final class ExportManifest {
  static final String NAME = ".dossier-export";

  private ExportManifest() {}

  /**
   * Records {@code written} (files inside {@code dir}) as this export's, after removing what the
   * previous one wrote that is not among them; returns how many files were removed.
   */
  static int replace(Path dir, Path archive, Collection<Path> written) {
    Path manifest = dir.resolve(NAME);
    Path root = dir.toAbsolutePath().normalize();
    Set<String> now = new HashSet<>();
    List<String> lines = new ArrayList<>();
    for (Path p : written) {
      String rel = root.relativize(p.toAbsolutePath().normalize()).toString();
      if (now.add(rel)) {
        lines.add(rel);
      }
    }
    int removed = 0;
    if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      try {
        for (String rel : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
          Path old = root.resolve(rel).normalize();
          // only a plain file of the folder that an export wrote: never a link, never outside
          if (!rel.isBlank()
              && !now.contains(rel)
              && old.startsWith(root)
              && Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(old);
            removed++;
          }
        }
      } catch (IOException e) {
        throw new dossier.core.WriteFailure(manifest, e);
      }
    }
    ExportCommand.Files2.write(
        manifest,
        archive,
        w -> {
          for (String l : lines) {
            w.print(l);
            w.print('\n');
          }
        });
    return removed;
  }
}
