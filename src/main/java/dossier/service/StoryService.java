package dossier.service;

import dossier.core.Article;
import dossier.core.NotFoundException;
import dossier.core.UsageException;
import dossier.similar.Stories;
import dossier.store.Archive;
import dossier.store.Sort;
import dossier.store.StoryRepository;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Story threads: placing new articles in stories as they are imported, listing stories, and the
 * merges and splits a person makes (journaled, pinned, never undone by later imports).
 */
public final class StoryService {
  /** An article arriving in the archive: its id, day, names, and the original it copies. */
  public record Arrival(long id, String day, Map<String, Integer> names, Long original) {}

  /** A story as listed: what the store says of it and the article its title comes from. */
  public record Story(StoryRepository.Summary summary, Article first) {
    public long id() {
      return summary.id();
    }

    public String title() {
      return first.title();
    }
  }

  private final Archive archive;

  public StoryService(Archive archive) {
    this.archive = archive;
  }

  /** The day an article counts for: its publication date, else the day it was imported. */
  public static String day(String published, String imported) {
    for (String s : new String[] {published, imported}) {
      if (s != null && s.length() >= 10) {
        try {
          return LocalDate.parse(s.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
          // not a date: the next one is
        }
      }
    }
    return LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }

  /**
   * Places {@code arrivals}, in order, in stories: a copy in its original's story, any other
   * article in the story that covers its rare names best among the few stories sharing them within
   * the window, else in a new story of its own. Call inside {@link Archive#write}.
   */
  public void place(List<Arrival> arrivals) {
    if (arrivals.isEmpty()) {
      return;
    }
    StoryRepository repo = archive.stories();
    try {
      placeAll(repo, arrivals);
      repo.flushKeys();
    } finally {
      repo.discardKeys();
    }
  }

  private void placeAll(StoryRepository repo, List<Arrival> arrivals) {
    // each name of the batch once, with the articles naming it: {in the archive, placed here}
    Map<String, long[]> counts = new HashMap<>();
    for (Arrival a : arrivals) {
      for (String t : a.names().keySet()) {
        counts.computeIfAbsent(t, k -> new long[2]);
      }
    }
    repo.addFrequencies(counts);
    repo.readKeys(counts.keySet());
    long counted = repo.counted();
    int articles = 0;
    // the stories of the originals, read at once, and of the articles placed here since
    List<Long> originals = new ArrayList<>();
    for (Arrival a : arrivals) {
      if (a.original() != null) {
        originals.add(a.original());
      }
    }
    Map<Long, Long> storyOf = originals.isEmpty() ? new HashMap<>() : repo.storiesOf(originals);
    // no placement reads a member's row, and a story's size is read here with what this batch
    // added: both are written once the batch is placed
    List<StoryRepository.Member> members = new ArrayList<>();
    Map<Long, Integer> grown = new LinkedHashMap<>();
    for (Arrival a : arrivals) {
      if (a.original() != null) {
        Long s = storyOf.get(a.original());
        if (s != null) {
          // a copy adds no keys, so no later article's placement reads anything of it
          members.add(new StoryRepository.Member(a.id(), s, a.day(), List.of()));
          storyOf.put(a.id(), s);
          continue;
        }
      }
      List<Stories.Key> keys =
          Stories.keys(
              a.names(),
              t -> {
                long[] c = counts.get(t);
                return c[0] + c[1];
              },
              counted + articles);
      List<String> terms = keys.stream().map(Stories.Key::term).toList();
      List<Stories.Candidate> found = new ArrayList<>();
      for (Stories.Candidate c : repo.candidates(terms, since(a.day()))) {
        Integer more = grown.get(c.story());
        found.add(more == null ? c : new Stories.Candidate(c.story(), c.size() + more, c.shared()));
      }
      Stories.Candidate best = Stories.best(keys, found);
      long story = best != null ? best.story() : repo.newStory();
      members.add(new StoryRepository.Member(a.id(), story, a.day(), terms));
      if (!terms.isEmpty()) {
        repo.addKeys(story, a.day(), terms);
        grown.merge(story, 1, Integer::sum);
      }
      storyOf.put(a.id(), story);
      for (String t : a.names().keySet()) {
        counts.get(t)[1]++;
      }
      articles++;
    }
    repo.joinAll(members);
    repo.grow(grown);
    Map<String, Integer> added = new HashMap<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      if (e.getValue()[1] > 0) {
        added.put(e.getKey(), (int) e.getValue()[1]);
      }
    }
    repo.countTerms(added, articles);
  }

  private static String since(String day) {
    return LocalDate.parse(day).minusDays(Stories.WINDOW_DAYS).toString();
  }

  /**
   * What {@code dossier stories} lists: the stories listed, how many stories there are to list, and
   * how many of one article were left out.
   */
  public record Listing(List<Story> stories, int listed, int single) {}

  /**
   * The stories with at least one article matching {@code query} (every story without one), by
   * story id: with {@code singles} those of one article too, and the first {@code limit} only (0:
   * all). Only the stories listed are summed up, so that a short listing of a large archive reads
   * no more than their articles and each story's size.
   */
  public Listing list(String query, boolean singles, int limit) {
    Map<Long, Integer> sizes;
    if (query == null || query.isBlank()) {
      sizes = archive.stories().sizes(null);
    } else {
      List<Long> ids = new ArrayList<>();
      new ArticleService(archive).list(query, Sort.OLDEST, 0, 0, false, a -> ids.add(a.id()));
      sizes = archive.stories().sizes(archive.stories().storiesAmong(ids));
    }
    List<Long> kept = new ArrayList<>();
    for (Map.Entry<Long, Integer> e : sizes.entrySet()) {
      if (singles || e.getValue() > 1) {
        kept.add(e.getKey());
      }
    }
    List<Long> shown = limit > 0 && kept.size() > limit ? kept.subList(0, limit) : kept;
    return new Listing(stories(shown), kept.size(), sizes.size() - kept.size());
  }

  private List<Story> stories(List<Long> storyIds) {
    List<StoryRepository.Summary> summaries = archive.stories().summaries(storyIds);
    List<Long> firsts = new ArrayList<>(summaries.size());
    for (StoryRepository.Summary s : summaries) {
      firsts.add(s.first());
    }
    Map<Long, Article> read = archive.articles().getAll(firsts);
    List<Story> out = new ArrayList<>();
    for (StoryRepository.Summary s : summaries) {
      Article a = read.get(s.first());
      if (a != null) {
        out.add(new Story(s, a));
      }
    }
    return out;
  }

  /** The story an article belongs to, if any. */
  public Optional<Story> storyOf(long articleId) {
    return archive
        .stories()
        .storyOf(articleId)
        .flatMap(s -> stories(List.of(s)).stream().findFirst());
  }

  /** The articles of a story that exist, by day. */
  public List<Long> members(long story) {
    return archive.stories().members(story);
  }

  /** The outcome of a merge or split: the story the articles are in now, and how many moved. */
  public record Moved(long story, int articles, long journal) {}

  /** Moves every article of {@code others} into story {@code into}. */
  public Moved merge(long into, List<Long> others) {
    return archive.write(
        () -> {
          List<Long> moving = new ArrayList<>();
          existing(into);
          for (long o : others) {
            if (o == into) {
              throw new UsageException("story " + o + " cannot be merged into itself");
            }
            moving.addAll(existing(o));
          }
          long j =
              archive
                  .journal()
                  .begin("stories merge", "merged " + named(others) + " into story " + into);
          archive.stories().move(j, moving, into);
          return new Moved(into, moving.size(), j);
        });
  }

  /** Moves the articles {@code ids} of story {@code story} into a new story of their own. */
  public Moved split(long story, List<Long> ids) {
    return archive.write(
        () -> {
          List<Long> members = existing(story);
          List<Long> moving = new ArrayList<>(new LinkedHashSet<>(ids));
          for (long id : moving) {
            if (!members.contains(id)) {
              throw new UsageException("article #" + id + " is not in story " + story);
            }
          }
          if (moving.size() == members.size()) {
            throw new UsageException(
                "--ids names every article of story " + story + ": nothing would be left to split");
          }
          long fresh = archive.stories().newStory();
          long j =
              archive
                  .journal()
                  .begin(
                      "stories split",
                      "split "
                          + moving.size()
                          + " articles of story "
                          + story
                          + " into story "
                          + fresh);
          archive.stories().move(j, moving, fresh);
          return new Moved(fresh, moving.size(), j);
        });
  }

  /** The articles of a story, or a not-found error naming it when it has none. */
  private List<Long> existing(long story) {
    List<Long> m = archive.stories().members(story);
    if (m.isEmpty()) {
      throw new NotFoundException("no story " + story + " ('dossier stories' lists them)");
    }
    return m;
  }

  private static String named(List<Long> ids) {
    return (ids.size() == 1 ? "story " : "stories ")
        + String.join(", ", ids.stream().map(String::valueOf).toList());
  }
}
