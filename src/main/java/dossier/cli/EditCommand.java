package dossier.cli;

import dossier.core.Article;
import dossier.core.ArticleField;
import dossier.core.DossierException;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.service.ArticleService;
import dossier.service.EditService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Correct the metadata of one article: title, publisher, authors, date, url, section,"
          + " language or caption. Without options, opens $VISUAL or $EDITOR (else vi) on a small"
          + " form of those fields.",
      "An empty value clears a field. Every field set here is marked 'edit' in the article's"
          + " provenance and pinned: 'dossier reextract' and an import with --on-duplicate update"
          + " never overwrite it. The change is journaled: 'dossier undo' puts back the old values"
          + " and their origins.",
      "Examples:%n  dossier edit 12 --source '' --date 2024-08-15%n"
          + "  dossier edit 12 --author 'Ana Reyes' --author 'Ben Ode'%n  dossier edit 12"
    })
final class EditCommand extends BaseCommand {
  @Parameters(paramLabel = "ID", description = "The article's id.")
  long id;

  @Option(names = "--title", paramLabel = "TEXT", description = "The headline.")
  String title;

  @Option(names = "--source", paramLabel = "NAME", description = "The publisher.")
  String source;

  @Option(
      names = "--author",
      paramLabel = "NAME",
      description = "An author (repeat for several; --author '' clears them).")
  List<String> authors;

  @Option(
      names = "--date",
      paramLabel = "DATE",
      description = "The publication date: YYYY-MM-DD or an ISO-8601 timestamp.")
  String date;

  @Option(names = "--url", paramLabel = "URL", description = "Where the article was published.")
  String url;

  @Option(names = "--section", paramLabel = "NAME", description = "The section (World, ...).")
  String section;

  @Option(names = "--lang", paramLabel = "CODE", description = "The language code (en, pt-BR).")
  String lang;

  @Option(names = "--caption", paramLabel = "TEXT", description = "The photo caption.")
  String caption;

  @Override
  public Integer call() {
    Map<ArticleField, Object> values = new LinkedHashMap<>();
    put(values, ArticleField.TITLE, title);
    put(values, ArticleField.SOURCE, source);
    put(values, ArticleField.AUTHORS, authors);
    put(values, ArticleField.PUBLISHED, date);
    put(values, ArticleField.URL, url);
    put(values, ArticleField.SECTION, section);
    put(values, ArticleField.LANG, lang);
    put(values, ArticleField.CAPTION, caption);
    if (values.isEmpty()) {
      Article a = new ArticleService(archive()).get(id);
      values = changes(a, EditForm.parse(editInEditor(EditForm.write(a))));
      if (values.isEmpty()) {
        say("nothing changed in #" + id);
        return ExitCode.OK;
      }
    }
    EditService.Result r = new EditService(archive()).edit(id, values);
    if (r.journal() == 0) {
      say("nothing changed in #" + id + " (those values were already set by an edit)");
    } else {
      say(
          "edited "
              + String.join(", ", r.perOperation().keySet())
              + " of #"
              + id
              + " (#"
              + r.journal()
              + " in the log; 'dossier undo --id "
              + r.journal()
              + "' takes it back)");
    }
    return ExitCode.OK;
  }

  private static void put(Map<ArticleField, Object> values, ArticleField f, Object v) {
    if (v != null) {
      values.put(f, v);
    }
  }

  /** The fields whose values the form changed, checked as the edit will store them. */
  private static Map<ArticleField, Object> changes(Article a, Map<ArticleField, Object> form) {
    Map<ArticleField, Object> out = new LinkedHashMap<>();
    for (ArticleField f : ArticleField.METADATA) {
      Object v = EditService.checked(f, form.get(f));
      Object old;
      try {
        old = EditService.checked(f, f.get(a));
      } catch (UsageException storedValueIsNotValidInput) {
        old = f.get(a);
      }
      if (!Objects.equals(v, old)) {
        out.put(f, v);
      }
    }
    return out;
  }

  /** Runs the person's editor on {@code text} and returns what they saved. */
  private String editInEditor(String text) {
    String editor = env().get("VISUAL");
    if (editor == null) {
      editor = env().get("EDITOR");
    }
    if (editor == null) {
      editor = "vi";
    }
    Path file = null;
    try {
      file =
          Files.createTempFile(
              "dossier-edit-" + id + "-",
              ".txt",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      // through the shell, so that EDITOR may carry options ("code --wait")
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO();
      pb.environment().putAll(env().vars());
      int code = pb.start().waitFor();
      if (code != 0) {
        throw new DossierException(
            "the editor (" + editor + ") exited with status " + code + "; nothing was changed");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DossierException("cannot run the editor (" + editor + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DossierException("interrupted while the editor ran; nothing was changed");
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is all that is lost
        }
      }
    }
  }

  /** The small text form of an article's metadata that {@code dossier edit ID} opens. */
  static final class EditForm {
    private EditForm() {}

    /** The name a field has in the form ({@code date} for published, one {@code author} each). */
    static String key(ArticleField f) {
      return switch (f) {
        case PUBLISHED -> "date";
        case AUTHORS -> "author";
        default -> f.json();
      };
    }

    static String write(Article a) {
      StringBuilder b = new StringBuilder();
      b.append("# dossier edit ")
          .append(a.id())
          .append(": change a value and save; an empty value clears the field.\n")
          .append("# Lines starting with # are ignored. One 'author:' line for each author.\n");
      for (ArticleField f : ArticleField.METADATA) {
        Object v = f.get(a);
        if (f == ArticleField.AUTHORS) {
          List<?> l = (List<?>) v;
          if (l.isEmpty()) {
            b.append("author: \n");
          }
          for (Object x : l) {
            b.append("author: ").append(Text.oneLine(x.toString())).append('\n');
          }
        } else {
          b.append(key(f)).append(": ").append(v == null ? "" : Text.oneLine((String) v));
          b.append('\n');
        }
      }
      return b.toString();
    }

    /** The values of a saved form; a field whose line is gone is empty. */
    static Map<ArticleField, Object> parse(String text) {
      Map<ArticleField, Object> out = new LinkedHashMap<>();
      List<String> authors = new ArrayList<>();
      int n = 0;
      for (String line : text.split("\r?\n", -1)) {
        n++;
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int colon = l.indexOf(':');
        ArticleField field = null;
        if (colon > 0) {
          String k = l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
          for (ArticleField f : ArticleField.METADATA) {
            if (key(f).equals(k)) {
              field = f;
            }
          }
        }
        if (field == null) {
          throw new UsageException(
              "line "
                  + n
                  + " of the form is not 'field: value' with a field of title, source, author,"
                  + " date, url, section, lang, caption; nothing was changed");
        }
        String value = l.substring(colon + 1).strip();
        if (field == ArticleField.AUTHORS) {
          if (!value.isEmpty()) {
            authors.add(value);
          }
        } else {
          out.put(field, value);
        }
      }
      out.put(ArticleField.AUTHORS, authors);
      return out;
    }
  }
}
