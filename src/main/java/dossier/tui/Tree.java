package dossier.tui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review list grouped: copies folded under their original (one line with "+11 copies" for a
 * wire story seen in twelve outlets) and stories shown as threads, as mutt shows mail threads
 * ({@code ├─} and {@code └─} before the title, by date). Built from the matches in list order and
 * what the archive says of them; folding a group again needs no archive.
 *
 * <p>A copy is folded under its original when the original is in the list too; the copies of an
 * original that is not (an {@code is:new} inbox after the original was read) are folded under the
 * first of them instead, so that they are still one line. A thread is placed where its first
 * article in list order would be, and lists its articles (or folded copy groups) oldest first.
 */
final class Tree {
  /** A match as the tree needs it: its id, and the date it is ordered by inside a group. */
  record Match(long id, String date) {}

  /**
   * What a tree is built from, read on the worker thread.
   *
   * @param matches the matches of the query, in list order
   * @param originals for the matches that are copies, the original (copy id to original id)
   * @param stories for the matches that belong to a story, its id
   */
  record Data(List<Match> matches, Map<Long, Long> originals, Map<Long, Long> stories) {}

  /**
   * One line of the grouped list.
   *
   * @param id the article the line shows
   * @param marks the tree marks before its title ("├─ ", "│ └─ "), or ""
   * @param members the articles the line stands for: its own, and those folded under it (an action
   *     on a folded line applies to all of them, as mutt tags a collapsed thread as a whole)
   * @param copies those of {@code members} that are copies of {@code id} folded under it
   * @param fold the group {@code z} folds or unfolds on this line, or null
   * @param note what is folded, after the title ("+11 copies", "+3 in story 7"), or null
   */
  record Line(
      long id, String marks, List<Long> members, List<Long> copies, String fold, String note) {}

  private Tree() {}

  /**
   * The lines of the list.
   *
   * @param copies fold copies under their original
   * @param threads group the articles of a story into a thread
   * @param flipped the groups whose folding a person changed: copy groups start folded, threads
   *     open
   */
  static List<Line> lines(Data d, boolean copies, boolean threads, Set<String> flipped) {
    Map<Long, Integer> pos = new HashMap<>();
    Map<Long, String> dates = new HashMap<>();
    for (Match m : d.matches()) {
      pos.putIfAbsent(m.id(), pos.size());
      dates.put(m.id(), m.date() == null ? "" : m.date());
    }
    Comparator<Long> byDate =
        Comparator.<Long, String>comparing(dates::get).thenComparing(Comparator.naturalOrder());
    List<Unit> units = units(d, copies, pos, byDate);
    List<Line> out = new ArrayList<>();
    if (!threads) {
      for (Unit u : units) {
        unit(out, u, "", "", null, flipped);
      }
      return out;
    }
    Map<Object, List<Unit>> byStory = new LinkedHashMap<>();
    for (Unit u : units) {
      Long story = d.stories().get(u.head);
      // an article in no story is a thread of its own
      byStory.computeIfAbsent(story == null ? (Object) u : story, k -> new ArrayList<>()).add(u);
    }
    Comparator<Unit> unitsByDate = Comparator.comparing(u -> u.head, byDate);
    for (Map.Entry<Object, List<Unit>> e : byStory.entrySet()) {
      List<Unit> thread = e.getValue();
      if (thread.size() == 1) {
        unit(out, thread.get(0), "", "", null, flipped);
        continue;
      }
      thread.sort(unitsByDate);
      String key = "s" + e.getKey();
      Unit root = thread.get(0);
      if (flipped.contains(key)) {
        List<Long> all = new ArrayList<>();
        thread.forEach(u -> all.addAll(u.all()));
        out.add(
            new Line(
                root.head,
                "",
                List.copyOf(all),
                root.copies,
                key,
                "+" + (all.size() - 1) + " in story " + e.getKey()));
        continue;
      }
      unit(out, root, "", "", key, flipped);
      for (int i = 1; i < thread.size(); i++) {
        boolean last = i == thread.size() - 1;
        unit(out, thread.get(i), last ? "└─ " : "├─ ", last ? "   " : "│  ", key, flipped);
      }
    }
    return out;
  }

  /** An article with the copies folded under it (none when copies are not folded). */
  private record Unit(long head, long root, List<Long> copies) {
    List<Long> all() {
      List<Long> l = new ArrayList<>();
      l.add(head);
      l.addAll(copies);
      return l;
    }
  }

  private static List<Unit> units(
      Data d, boolean copies, Map<Long, Integer> pos, Comparator<Long> byDate) {
    List<Unit> units = new ArrayList<>();
    if (!copies) {
      Set<Long> seen = new HashSet<>();
      for (Match m : d.matches()) {
        if (seen.add(m.id())) {
          units.add(new Unit(m.id(), m.id(), List.of()));
        }
      }
      return units;
    }
    Map<Long, List<Long>> groups = new LinkedHashMap<>();
    for (Match m : d.matches()) {
      long root = d.originals().getOrDefault(m.id(), m.id());
      List<Long> g = groups.computeIfAbsent(root, k -> new ArrayList<>());
      if (!g.contains(m.id())) {
        g.add(m.id());
      }
    }
    for (Map.Entry<Long, List<Long>> e : groups.entrySet()) {
      long root = e.getKey();
      List<Long> members = new ArrayList<>(e.getValue());
      long head = pos.containsKey(root) ? root : members.get(0);
      members.remove(head);
      members.sort(byDate);
      units.add(new Unit(head, root, List.copyOf(members)));
    }
    units.sort(Comparator.comparing(u -> pos.get(u.head)));
    return units;
  }

  /**
   * Adds the lines of one unit: its own, folded or followed by its copies.
   *
   * @param marks the tree marks of its line
   * @param under the marks that continue the tree on the lines under it
   * @param thread the thread it is in (what z folds on a line without copies), or null
   */
  private static void unit(
      List<Line> out, Unit u, String marks, String under, String thread, Set<String> flipped) {
    if (u.copies.isEmpty()) {
      out.add(new Line(u.head, marks, List.of(u.head), List.of(), thread, null));
      return;
    }
    String key = "c" + u.root;
    int n = u.copies.size();
    if (!flipped.contains(key)) {
      out.add(
          new Line(
              u.head, marks, u.all(), u.copies, key, "+" + n + (n == 1 ? " copy" : " copies")));
      return;
    }
    out.add(new Line(u.head, marks, List.of(u.head), List.of(), key, null));
    for (int i = 0; i < n; i++) {
      long c = u.copies.get(i);
      out.add(new Line(c, under + (i == n - 1 ? "└─ " : "├─ "), List.of(c), List.of(), key, null));
    }
  }
}
