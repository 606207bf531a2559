package dossier.service;

import dossier.core.Tags;
import dossier.core.UrlKey;
import dossier.fetch.Fetcher;
import dossier.imports.Exports;
import dossier.imports.Exports.Entry;
import dossier.ingest.Sources.Source;
import dossier.ingest.WebPage;
import dossier.service.ImportService.Outcome;
import dossier.service.ImportService.Summary;
import dossier.store.Archive;
import dossier.store.Selection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jsoup.nodes.Entities;

/**
 * Imports the entries of a read-it-later or bookmark export: each page fetched ({@code fetch}), or
 * else stored with what the export holds (its text when it has one, else its title and address, to
 * be fetched later by refetch); then each article gets the entry's tags, read state, star and the
 * date it was saved.
 */
public final class ExportImport {
  private final Archive archive;

  public ExportImport(Archive archive) {
    this.archive = archive;
  }

  public Summary run(
      String name,
      List<Entry> entries,
      Exports.Kind kind,
      Fetcher fetcher,
      ImportService.Options opts,
      ImportService.Listener listener,
      BooleanSupplier stop) {
    Map<String, Entry> byKey = new HashMap<>();
    List<Entry> usable = new ArrayList<>();
    int failed = 0;
    for (Entry e : entries) {
      String problem = e.url() == null ? "an entry without a URL" : Fetcher.problem(e.url());
      if (problem != null) {
        listener.outcome(
            new Outcome(
                name + ": " + (e.title() == null ? "?" : e.title()),
                ImportService.Status.FAILED,
                null,
                problem));
        failed++;
        continue;
      }
      if (byKey.putIfAbsent(UrlKey.orSelf(e.url()), e) == null) {
        usable.add(e);
      }
    }
    List<Outcome> stored = new ArrayList<>();
    ImportService.Listener collecting =
        o -> {
          stored.add(o);
          listener.outcome(o);
        };
    Summary s;
    if (fetcher != null) {
      List<String> urls = usable.stream().map(Entry::url).toList();
      s = new WebImport(archive, fetcher).run(urls, false, opts, collecting, stop);
    } else {
      List<Source> sources = new ArrayList<>();
      int duplicates = 0;
      for (Entry e : usable) {
        var id = archive.fetches().idByUrl(e.url());
        if (id.isPresent()) {
          listener.outcome(new Outcome(e.url(), ImportService.Status.DUPLICATE, id.get(), null));
          duplicates++;
          continue;
        }
        sources.add(new Source(e.url(), null, null, null, page(e, kind)));
      }
      Iterator<Source> it = sources.iterator();
      Summary r =
          sources.isEmpty()
              ? new Summary(0, 0, 0, 0, 0)
              : new ImportService(archive).run(it, List.of(name), opts, collecting, stop);
      s =
          new Summary(
              r.imported(),
              r.duplicates() + duplicates,
              r.updated(),
              r.failed(),
              r.millis(),
              r.near());
    }
    applyState(name, stored, byKey);
    return new Summary(
        s.imported(), s.duplicates(), s.updated(), s.failed() + failed, s.millis(), s.near());
  }

  /** What the export holds of an entry, as a page: its text, else its title and a note. */
  static WebPage page(Entry e, Exports.Kind kind) {
    String title = e.title() == null ? e.url() : e.title();
    StringBuilder b =
        new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .append(Entities.escape(title))
            .append("</title><link rel=\"canonical\" href=\"")
            .append(Entities.escape(e.url()))
            .append("\">");
    if (e.published() != null) {
      b.append("<meta property=\"article:published_time\" content=\"")
          .append(Entities.escape(e.published()))
          .append("\">");
    }
    b.append("</head><body><article><h1>").append(Entities.escape(title)).append("</h1>");
    if (e.html() != null) {
      b.append(e.html());
    } else {
      if (e.excerpt() != null) {
        b.append("<p>").append(Entities.escape(e.excerpt())).append("</p>");
      }
      b.append("<p>")
          .append(
              Entities.escape("Saved in " + kind.label + ": not fetched yet (dossier refetch)."))
          .append("</p>");
    }
    b.append("</article></body></html>");
    return new WebPage(
        e.url(),
        e.url(),
        0,
        "text/html",
        StandardCharsets.UTF_8,
        b.toString().getBytes(StandardCharsets.UTF_8),
        Map.of(),
        null);
  }

  /** Tags, read state, star and saved date of each entry on the article it became. */
  private void applyState(String name, List<Outcome> stored, Map<String, Entry> byKey) {
    List<Outcome> done =
        stored.stream()
            .filter(
                o ->
                    o.id() != null
                        && (o.status() == ImportService.Status.IMPORTED
                            || o.status() == ImportService.Status.NEAR_DUPLICATE
                                && !o.id().equals(o.copyOf())))
            .toList();
    if (done.isEmpty()) {
      return;
    }
    archive.write(
        () -> {
          long journal = archive.journal().begin("import", "tags and states from " + name);
          for (Outcome o : done) {
            Entry e = byKey.get(UrlKey.orSelf(o.path()));
            if (e == null) {
              continue;
            }
            Selection sel = archive.select(List.of(o.id()));
            for (String t : e.tags()) {
              try {
                sel.addTag(journal, Tags.normalize(t));
              } catch (RuntimeException bad) {
                // a tag dossier refuses (a control character, a leading '-'): left out
              }
            }
            if (!e.status().equals("new")) {
              sel.setStatus(journal, dossier.core.Status.parse(e.status()));
            }
            if (e.starred()) {
              sel.setStarred(journal, true);
            }
            if (e.saved() != null) {
              archive.fetches().setImported(o.id(), e.saved());
            }
          }
          archive.journal().discardIfEmpty(journal);
          return null;
        });
  }
}
