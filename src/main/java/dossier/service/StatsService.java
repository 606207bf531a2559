package dossier.service;

import dossier.store.Archive;
import dossier.store.StatsRepository;
import dossier.store.StatsRepository.Stats;

/** Counts for {@code dossier stats}: totals, top tags and sources, articles per month. */
public final class StatsService {
  private final Archive archive;

  public StatsService(Archive archive) {
    this.archive = archive;
  }

  public Stats stats(String query, int top) {
    return new StatsRepository(archive).stats(new ArticleService(archive).compile(query), top);
  }
}
