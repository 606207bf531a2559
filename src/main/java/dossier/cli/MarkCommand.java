package dossier.cli;

import dossier.core.Status;
import dossier.core.UsageException;
import dossier.service.EditService;
import dossier.service.EditService.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "mark",
    mixinStandardHelpOptions = true,
    description = {
      "Set the status of matching articles (new, read, reviewed, archived) and/or star them.",
      "On an archive on a PostgreSQL server the status and star are your own (--user,"
          + " $DOSSIER_USER or the login name); others keep theirs.",
      "Examples:%n  dossier mark reviewed -- tag:ukraine%n  dossier mark --star --ids 3,7"
    })
final class MarkCommand extends BaseCommand implements QueryWords {
  @Option(names = "--star", description = "Star the articles.")
  boolean star;

  @Option(names = "--unstar", description = "Remove the star.")
  boolean unstar;

  @Mixin TargetOptions target;

  @Completes(Completes.Kind.QUERY)
  @Parameters(
      paramLabel = "STATUS|QUERY",
      arity = "0..*",
      parameterConsumer = RawArgs.class,
      completionCandidates = MarkCommand.Statuses.class,
      description = "The status (unless only starring), then -- and the query.")
  List<String> args = new ArrayList<>();

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
