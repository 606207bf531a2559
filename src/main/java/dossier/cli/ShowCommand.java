package dossier.cli;

import dossier.core.Article;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.core.WriteFailure;
import dossier.ingest.Decoder;
import dossier.service.ArticleService;
import dossier.service.CopyService;
import dossier.service.Selector;
import dossier.service.VersionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

final class ShowCommand extends BaseCommand {
  /** Where a field's value can come from, as --why and the provenance object name it. */
  static final String ORIGINS =
      "ORIGINS. --why (and the 'provenance' object of the JSON) names, for each metadata field"
          + " (title, source, authors, published, url, section, lang, caption), where its value"
          + " came from. In a page: 'json-ld' (the page's schema.org metadata), 'meta NAME' (a"
          + " meta tag, as 'meta og:site_name'), 'link rel=canonical', 'html lang', 'document"
          + " title', 'first heading', 'microdata datePublished', 'time element', 'date box', 'url'"
          + " (a date in the address), 'author link', 'byline box', 'figure caption', 'copyright"
          + " line', 'page text' (the latest date printed in the page). In a text scrape:"
          + " 'headline line', 'caption line', 'caption credit' ('(Name for The X)'), 'byline"
          + " line', 'date line', 'section line' ('In World'), 'copyright line', 'article"
          + " self-reference' ('according to the X article'; a citation of another outlet never"
          + " names the publisher). In Markdown: 'front matter' (the YAML header), 'first"
          + " heading'. Anywhere: 'first sentence' (a title made from the text), 'command line'"
          + " (import --url), 'pdf heading' and 'pdf metadata' (a PDF's large type and its"
          + " document information), 'fetched url' (the address a fetch ended at), 'http"
          + " last-modified' (the server's date, when the page gives none), or 'edit': set by a person with 'dossier edit', and pinned, so that"
          + " reextract never overwrites it. A field without a value has no origin (unless a"
          + " person emptied it: 'edit'); a value stored before origins were kept shows 'not"
          + " recorded'.";

  enum ShowFormat {
    text,
    json,
    markdown,
    raw
  }

  List<String> ids = new ArrayList<>();

  ShowFormat format = ShowFormat.text;

  boolean why;

  /** The story the article belongs to, named after the text when it has other articles. */
  private static void story(PrintWriter w, dossier.service.StoryService stories, long id) {
    stories
        .storyOf(id)
        .filter(s -> s.summary().count() > 1)
        .ifPresent(
            s -> {
              w.println();
              w.println(
                  "Story "
                      + s.id()
                      + ": "
                      + Text.safeForTerminal(Text.cutAtWord(s.title(), 60), false)
                      + ", "
                      + s.summary().count()
                      + " articles, "
                      + (s.summary().firstDay() == null
                          ? "undated"
                          : s.summary().firstDay() + " to " + s.summary().lastDay())
                      + " (dossier list story:"
                      + s.id()
                      + ")");
            });
  }

  /** The article's original or copies, named after the text. */
  private static void kin(PrintWriter w, CopyService copies, long id) {
    CopyService.Kin k = copies.kin(id);
    List<String> parts = new ArrayList<>();
    k.original().ifPresent(o -> parts.add("A near-duplicate copy of #" + o));
    if (!k.copies().isEmpty()) {
      parts.add(
          (k.original().isPresent() ? "other copies: " : "Copies: ")
              + k.copies().stream().map(c -> "#" + c).collect(Collectors.joining(", ")));
    }
    if (!parts.isEmpty()) {
      w.println();
      w.println(String.join("; ", parts) + " (dossier dups id:" + id + ")");
    }
  }

  boolean versions;

  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "show",
            "Show articles: as text, JSON, Markdown, or the original bytes as imported.",
            "On a terminal the text goes through $PAGER (default: less -R) with its paragraphs"
                + " wrapped to the terminal's width; several articles come one after another"
                + " (JSON: one object after another, as jq reads them).",
            "--format json is the article JSON with the body, its Markdown rendition ('markdown',"
                + " null when extraction kept no structure) and 'provenance'. --format markdown and"
                + " the text use the rendition when there is one. An article restored from an"
                + " export without originals has no original: --format raw says so (exit status"
                + " 4).",
            ORIGINS);
    spec.addPositional(
        Specs.words("ID", "1..*", () -> ids, v -> ids = v)
            .description(
                "The articles' ids; - reads ids from standard input (one a line, or spaced).")
            .build());
    spec.addOption(
        Specs.option(ShowFormat.class, () -> format, v -> format = v, "--format")
            .paramLabel("FORMAT")
            .description("${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Specs.flag("why", () -> why, v -> why = v, "--why")
            .description(
                "Show where each metadata field came from (its origin) instead of the article;"
                    + " see ORIGINS below.")
            .build());
    spec.addOption(
        Specs.flag("versions", () -> versions, v -> versions = v, "--versions")
            .description(
                "List the article's versions (a page fetched again that changed) with when each"
                    + " was stored; compare two with 'dossier diff'.")
            .build());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    ArticleService service = new ArticleService(archive());
    List<Long> wanted = ids();
    if (versions) {
      VersionService v = new VersionService(archive());
      for (long id : wanted) {
        if (wanted.size() > 1) {
          out().println("article " + id + ":");
        }
        VersionsPrinter.print(v.versions(id, true), out());
      }
      return ExitCode.OK;
    }
    if (format == ShowFormat.raw) {
      List<byte[]> originals = new ArrayList<>();
      for (long id : wanted) {
        originals.add(service.original(id));
      }
      for (byte[] bytes : originals) {
        raw(bytes);
      }
      return ExitCode.OK;
    }
    // every id is looked up before anything is printed: a missing one is exit 4 and no output
    List<Article> articles = new ArrayList<>();
    for (long id : wanted) {
      articles.add(service.get(id));
    }
    boolean color = root().color();
    if (why) {
      Pager.page(this, color, w -> each(w, articles, a -> ArticleText.why(w, a, color)));
      return ExitCode.OK;
    }
    switch (format) {
      case json -> each(out(), articles, a -> Json.writeArticle(out(), a), false);
      case markdown ->
          Pager.page(this, false, w -> each(w, articles, a -> ArticleText.markdown(w, a)));
      default -> {
        int width = env().stdoutTty() ? Terminal.width(env()) : 0;
        CopyService copies = new CopyService(archive());
        dossier.service.StoryService stories = new dossier.service.StoryService(archive());
        Pager.page(
            this,
            color,
            w ->
                each(
                    w,
                    articles,
                    a -> {
                      ArticleText.text(w, a, color, width);
                      kin(w, copies, a.id());
                      story(w, stories, a.id());
                    }));
      }
    }
    out().flush();
    return ExitCode.OK;
  }

  private static void each(PrintWriter w, List<Article> articles, Consumer<Article> print) {
    each(w, articles, print, true);
  }

  /** Prints each article; for people, a blank line and a rule between two. */
  private static void each(
      PrintWriter w, List<Article> articles, Consumer<Article> print, boolean rule) {
    for (int i = 0; i < articles.size(); i++) {
      if (i > 0 && rule) {
        w.println();
        w.println("─".repeat(40));
        w.println();
      }
      print.accept(articles.get(i));
    }
  }

  /** The ids asked for, those on standard input in place of '-'. */
  private List<Long> ids() {
    List<Long> out = new ArrayList<>();
    for (String s : ids) {
      if (s.equals("-")) {
        try {
          out.addAll(
              Selector.parseIds(new String(env().stdin().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.addAll(Selector.parseIds(s));
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("no article ids on standard input");
    }
    return out;
  }

  private void raw(byte[] bytes) {
    if (env().stdoutTty()) {
      // The original may hold escape sequences: on a terminal show it decoded and made safe.
      out().print(Text.safeForTerminal(Decoder.decode(bytes).text(), true));
      out().flush();
    } else {
      out().flush();
      try {
        env().stdoutBytes().write(bytes);
        env().stdoutBytes().flush();
      } catch (IOException e) {
        throw new WriteFailure(Output.STDOUT, e);
      }
    }
  }
}
