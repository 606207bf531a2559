package dossier.cli;

import dossier.core.NotFoundException;
import dossier.core.TagChange;
import dossier.core.Text;
import dossier.core.UsageException;
import dossier.service.EditService;
import dossier.service.EditService.Result;
import dossier.service.Selector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

final class TagCommand extends BaseCommand implements QueryWords {
  String ids;
  boolean batch;
  boolean dryRun;
  List<String> args = new ArrayList<>();

  CommandSpec model() {
    spec =
        Specs.command(
            this,
            "tag",
            "Add (+tag) and remove (-tag) tags on every article that matches a query, or on the"
                + " articles given by --ids or as ids on standard input (-).",
            "Examples:%n  dossier tag +economy -draft -- oil prices%n  dossier list tag:new"
                + " --format ids | dossier tag +seen -%n  dossier tag --batch < changes.txt",
            "In --batch mode each line of standard input is '+a -b -- query', applied in a"
                + " transaction of its own; a bad line is reported by its number (and its query,"
                + " where a query's error column counts) and the others still apply. Exit status:"
                + " 0 when every line applied, 3 when some failed and the others applied, 2 when"
                + " every line failed.",
            "An id that names no article (--ids, -) is exit status 4, and nothing is changed.");
    spec.addOption(
        Specs.option(String.class, () -> ids, v -> ids = v, TargetOptions.IDS)
            .paramLabel(TargetOptions.IDS_LABEL)
            .description(TargetOptions.IDS_HELP)
            .build());
    spec.addOption(
        Specs.flag("batch", () -> batch, v -> batch = v, "--batch")
            .description("Read '+a -b -- query' lines from standard input.")
            .build());
    spec.addOption(
        Specs.flag("dryRun", () -> dryRun, v -> dryRun = v, TargetOptions.DRY_RUN)
            .description(TargetOptions.DRY_RUN_HELP)
            .build());
    spec.addPositional(
        Specs.words("+TAG|-TAG|QUERY", "0..*", () -> args, v -> args = v)
            .userObject(Completes.Kind.TAG_CHANGES)
            .parameterConsumer(new RawArgs())
            .description(
                "Tag operations, then (after -- when the query starts with + or -) the query;"
                    + " '-' alone reads ids from standard input; '*' is every article.")
            .build());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    EditService edits = new EditService(archive());
    if (batch) {
      return runBatch(edits);
    }
    TagChange change = TagChange.parse(args);
    Selector sel = selector(change.query());
    Result r = edits.tag(change, sel, dryRun);
    report(r);
    if (ids == null) {
      hintIfNothing(r.selected(), change.query());
    }
    return ExitCode.OK;
  }

  private Selector selector(String query) {
    if (ids != null) {
      if (!query.isBlank()) {
        throw new UsageException("give either --ids or a query, not both");
      }
      return Selector.ids(Selector.parseIds(ids));
    }
    if (query.trim().equals("-")) {
      return Selector.ids(Selector.parseIds(readStdin()));
    }
    if (query.isBlank()) {
      throw new UsageException(
          "tag needs a query, --ids, or - (ids on standard input); '*' is every article");
    }
    return Selector.query(query);
  }

  private String readStdin() {
    try {
      return new String(env().stdin().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int runBatch(EditService edits) {
    if (!args.isEmpty() || ids != null) {
      throw new UsageException(
          "--batch reads everything from standard input; give no other arguments");
    }
    int lineNo = 0;
    int ok = 0;
    int failed = 0;
    long changed = 0;
    boolean stopped = false;
    try (Interruption stop = Interruption.watch(this);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (stop.requested()) {
          // each line is its own transaction: the ones before this are applied, none after
          stopped = true;
          break;
        }
        lineNo++;
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        TagChange change;
        try {
          change = TagChange.parseLine(line);
        } catch (UsageException e) {
          failed++;
          err()
              .println(
                  "error: line " + lineNo + ": " + Text.safeForTerminal(e.getMessage(), false));
          continue;
        }
        try {
          Result r = edits.tag(change, selector(change.query()), dryRun);
          ok++;
          changed += Math.max(0, r.changed());
          if (dryRun) {
            out().println("line " + lineNo + ": " + describe(r));
          }
        } catch (UsageException | NotFoundException e) {
          // a query error's column counts within the query, so the line names the query
          failed++;
          err()
              .println(
                  "error: line "
                      + lineNo
                      + ", query '"
                      + Text.safeForTerminal(change.query().strip(), false)
                      + "': "
                      + Text.safeForTerminal(e.getMessage(), false));
        }
      }
      out().flush();
      say(
          String.format(
              "%s%d line%s applied, %d failed; %d article changes",
              stopped ? "stopped by Ctrl-C after line " + lineNo + "; " : "",
              ok,
              ok == 1 ? "" : "s",
              failed,
              changed));
      err().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (stopped) {
      return ExitCode.INTERRUPTED;
    }
    return failed > 0 ? (ok > 0 ? ExitCode.PARTIAL : ExitCode.USAGE) : ExitCode.OK;
  }

  private void report(Result r) {
    if (r.dryRun()) {
      out().println(describe(r));
    } else {
      say(describe(r));
    }
  }

  static String describe(Result r) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : r.perOperation().entrySet()) {
      String op = e.getKey();
      String verb =
          op.startsWith("+")
              ? (r.dryRun() ? "would add " : "added ")
              : (r.dryRun() ? "would remove " : "removed ");
      parts.add(
          verb
              + Text.safeForTerminal(op.substring(1), false)
              + (op.startsWith("+") ? " to " : " from ")
              + e.getValue());
    }
    String head = r.selected() + " matched";
    if (r.dryRun()) {
      return head + "; " + String.join(", ", parts);
    }
    return head
        + "; "
        + String.join(", ", parts)
        + "; "
        + r.changed()
        + " article"
        + (r.changed() == 1 ? "" : "s")
        + " changed"
        + logged(r.journal());
  }
}
