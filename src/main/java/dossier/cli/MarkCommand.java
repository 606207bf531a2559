package dossier.cli;

import dossier.core.Status;
import dossier.core.UsageException;
import dossier.service.EditService;
import dossier.service.EditService.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

final class MarkCommand extends BaseCommand implements QueryWords {
  boolean star;
  boolean unstar;
  final TargetOptions target = new TargetOptions();
  List<String> args = new ArrayList<>();

  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "mark",
            "Set the status of matching articles (new, read, reviewed, archived) and/or star them.",
            "On an archive on a PostgreSQL server the status and star are your own (--user,"
                + " $DOSSIER_USER or the login name); others keep theirs.",
            "Examples:%n  dossier mark reviewed -- tag:ukraine%n  dossier mark --star --ids 3,7");
    spec.addOption(
        Specs.flag("star", () -> star, v -> star = v, "--star")
            .description("Star the articles.")
            .build());
    spec.addOption(
        Specs.flag("unstar", () -> unstar, v -> unstar = v, "--unstar")
            .description("Remove the star.")
            .build());
    spec.addMixin("target", target.model());
    spec.addPositional(
        Specs.words("STATUS|QUERY", "0..*", () -> args, v -> args = v)
            .userObject(Completes.Kind.QUERY)
            .parameterConsumer(new RawArgs())
            .completionCandidates(new Statuses())
            .description("The status (unless only starring), then -- and the query.")
            .build());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    if (star && unstar) {
      throw new UsageException("give --star or --unstar, not both");
    }
    List<String> rest = new ArrayList<>(args);
    Status status = null;
    if (!rest.isEmpty() && !rest.get(0).equals("--") && isStatus(rest.get(0))) {
      status = Status.parse(rest.remove(0));
    } else if (!star && !unstar) {
      throw new UsageException(
          rest.isEmpty() || rest.get(0).equals("--")
              ? "mark needs a status (" + Status.expected() + ") or --star/--unstar"
              : "unknown status '" + rest.get(0) + "' (expected " + Status.expected() + ")");
    }
    if (!rest.isEmpty() && rest.get(0).equals("--")) {
      rest.remove(0);
    }
    Boolean starred = star ? Boolean.TRUE : unstar ? Boolean.FALSE : null;
    Result r =
        new EditService(archive())
            .mark(status, starred, target.selector(rest, env()), target.dryRun);
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : r.perOperation().entrySet()) {
      parts.add((r.dryRun() ? "would mark " : "marked ") + e.getValue() + " " + e.getKey());
    }
    String line = r.selected() + " matched; " + String.join(", ", parts) + logged(r.journal());
    if (r.dryRun()) {
      out().println(line);
    } else {
      say(line);
    }
    if (target.ids == null) {
      hintIfNothing(r.selected(), String.join(" ", rest));
    }
    return ExitCode.OK;
  }

  /** The statuses, for completion: the first word of 'dossier mark' is one of them. */
  static final class Statuses implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Status.values()).map(Status::label).iterator();
    }
  }

  private static boolean isStatus(String s) {
    for (Status st : Status.values()) {
      if (st.label().equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }
}
