package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.fetch.PageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each export format, in a small file written here in the shape the tool documents, imported with
 * its tags, read state, star and dates.
 */
class ExportsImportTest {
  @TempDir Path tmp;

  private List<JsonNode> imported(String file, String content, String... extra) throws IOException {
    Path f = tmp.resolve(file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
    Cli cli = new Cli(tmp.resolve("home-" + file.replace('/', '-')));
    List<String> args = new ArrayList<>(List.of("import"));
    args.addAll(List.of(extra));
    args.add(f.toString());
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isZero();
    Cli.Result listed = cli.run("list", "--format", "json", "--sort", "title");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(listed.out())) {
      out.add(n);
    }
    return out;
  }

  private static List<String> tags(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.get("tags").forEach(t -> out.add(t.asText()));
    return out;
  }

  @Test
  void pocketCsv() throws IOException {
    List<JsonNode> a =
        imported(
            "pocket.csv",
            "title,url,time_added,cursor,tags,status\n"
                + "Harbour strike ends,https://news.example/harbour?utm_source=pocket,1700000000,,"
                + "ports|labour,archive\n"
                + "\"Ferry, at last\",https://news.example/ferry,1710000000,,,unread\n");
    assertThat(a).hasSize(2);
    JsonNode ferry = a.get(0);
    JsonNode harbour = a.get(1);
    assertThat(harbour.get("title").asText()).isEqualTo("Harbour strike ends");
    assertThat(harbour.get("url").asText())
        .isEqualTo("https://news.example/harbour?utm_source=pocket");
    assertThat(tags(harbour)).containsExactly("labour", "ports");
    assertThat(harbour.get("status").asText()).isEqualTo("archived");
    assertThat(harbour.get("imported").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(harbour.get("published").isNull())
        .as("the saved date is not a publication date")
        .isTrue();
    assertThat(ferry.get("title").asText()).isEqualTo("Ferry, at last");
    assertThat(ferry.get("status").asText()).isEqualTo("new");
  }

  @Test
  void pocketHtml() throws IOException {
    List<JsonNode> a =
        imported(
            "ril_export.html",
            "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
                + " charset=UTF-8\" /><title>Pocket Export</title></head><body>\n<h1>Unread</h1>\n"
                + "<ul>\n<li><a href=\"https://news.example/a\" time_added=\"1700000000\""
                + " tags=\"energy,grid\">Grid upgrade approved</a></li>\n</ul>\n"
                + "<h1>Read Archive</h1>\n<ul>\n<li><a href=\"https://news.example/b\""
                + " time_added=\"1690000000\" tags=\"\">Bridge reopens</a></li>\n</ul>\n</body></html>");
    assertThat(a).hasSize(2);
    assertThat(a.get(0).get("title").asText()).isEqualTo("Bridge reopens");
    assertThat(a.get(0).get("status").asText()).isEqualTo("archived");
    assertThat(tags(a.get(1))).containsExactly("energy", "grid");
    assertThat(a.get(1).get("status").asText()).isEqualTo("new");
  }

  @Test
  void instapaperCsv() throws IOException {
    List<JsonNode> a =
        imported(
            "instapaper-export.csv",
            "URL,Title,Selection,Folder,Timestamp,Tags\n"
                + "https://news.example/c,Dam talks stall,Talks broke off on Friday.,Archive,"
                + "1700000000,\"[\"\"water\"\"]\"\n"
                + "https://news.example/d,Drought hits farmers,,Starred,1700000100,[]\n"
                + "https://news.example/e,Glacier survey,,Climate,1700000200,[]\n");
    assertThat(a).hasSize(3);
    JsonNode dam = a.get(0);
    assertThat(dam.get("title").asText()).isEqualTo("Dam talks stall");
    assertThat(dam.get("status").asText()).isEqualTo("archived");
    assertThat(tags(dam)).containsExactly("water");
    assertThat(a.get(1).get("starred").asBoolean()).isTrue();
    assertThat(tags(a.get(2))).containsExactly("Climate");
  }

  @Test
  void wallabagJsonWithItsText() throws IOException {
    List<JsonNode> a =
        imported(
            "wallabag.json",
            "[{\"is_archived\":1,\"is_starred\":1,\"tags\":[\"courts\"],\"is_public\":false,"
                + "\"id\":4,\"title\":\"Court blocks the levy\",\"url\":\"https://news.example/f\","
                + "\"content\":\"<p>The high court blocked the harbour levy on Thursday, ruling"
                + " that the board had not consulted traders.</p>\",\"created_at\":"
                + "\"2024-03-02T10:22:46+0100\",\"published_at\":\"2024-03-01T08:00:00+0000\","
                + "\"published_by\":[\"Ann Lee\"],\"domain_name\":\"news.example\"}]");
    assertThat(a).hasSize(1);
    JsonNode court = a.get(0);
    assertThat(court.get("title").asText()).isEqualTo("Court blocks the levy");
    assertThat(court.get("status").asText()).isEqualTo("archived");
    assertThat(court.get("starred").asBoolean()).isTrue();
    assertThat(tags(court)).containsExactly("courts");
    assertThat(court.get("published").asText()).isEqualTo("2024-03-01");
    assertThat(court.get("imported").asText()).isEqualTo("2024-03-02T09:22:46Z");
    assertThat(court.get("word_count").asInt()).isGreaterThan(10);
  }

  @Test
  void omnivoreJson() throws IOException {
    Files.createDirectories(tmp.resolve("omnivore/content"));
    Files.writeString(
        tmp.resolve("omnivore/content/rail-strike.html"),
        "<div><p>Rail workers walked out on Monday over the new rosters, the union said.</p></div>");
    List<JsonNode> a =
        imported(
            "omnivore/metadata_0_to_2.json",
            "[{\"id\":\"1\",\"slug\":\"rail-strike\",\"title\":\"Rail strike begins\","
                + "\"description\":\"Workers walk out\",\"author\":\"Bo Chan\","
                + "\"url\":\"https://news.example/g\",\"state\":\"Archived\",\"readingProgress\":100,"
                + "\"labels\":[\"transport\"],\"savedAt\":\"2024-02-01T10:00:00.000Z\","
                + "\"publishedAt\":\"2024-01-31T09:00:00.000Z\"},"
                + "{\"id\":\"2\",\"slug\":\"tram-fares\",\"title\":\"Tram fares rise\","
                + "\"url\":\"https://news.example/h\",\"state\":\"Succeeded\",\"readingProgress\":100,"
                + "\"labels\":[],\"savedAt\":\"2024-02-02T10:00:00.000Z\"}]");
    assertThat(a).hasSize(2);
    JsonNode rail = a.get(0);
    assertThat(rail.get("title").asText()).isEqualTo("Rail strike begins");
    assertThat(rail.get("status").asText()).isEqualTo("archived");
    assertThat(tags(rail)).containsExactly("transport");
    assertThat(rail.get("published").asText()).isEqualTo("2024-01-31");
    assertThat(a.get(1).get("status").asText()).isEqualTo("read");
  }

  @Test
  void browserBookmarksWithFoldersAsTags() throws IOException {
    List<JsonNode> a =
        imported(
            "bookmarks.html",
            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\""
                + " CONTENT=\"text/html; charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n"
                + "<H1>Bookmarks</H1>\n<DL><p>\n"
                + "    <DT><H3 ADD_DATE=\"1700000000\">Bookmarks bar</H3>\n    <DL><p>\n"
                + "        <DT><H3>Ukraine</H3>\n        <DL><p>\n"
                + "            <DT><A HREF=\"https://news.example/i\" ADD_DATE=\"1700000000\""
                + " TAGS=\"energy\">Grid repairs</A>\n        </DL><p>\n"
                + "        <DT><A HREF=\"https://news.example/j\" ADD_DATE=\"1700000300\">Port"
                + " reopens</A>\n    </DL><p>\n</DL><p>\n");
    assertThat(a).hasSize(2);
    assertThat(a.get(0).get("title").asText()).isEqualTo("Grid repairs");
    assertThat(tags(a.get(0))).containsExactlyInAnyOrder("energy", "Ukraine");
    assertThat(tags(a.get(1))).isEmpty();
  }

  @Test
  void withFetchEachPageIsFetched() throws IOException {
    try (PageServer server = new PageServer()) {
      List<JsonNode> a =
          imported(
              "pocket-fetch.csv",
              "title,url,time_added,cursor,tags,status\n"
                  + "Saved title,"
                  + server.url("/page/7")
                  + ",1700000000,,ferry,archive\n",
              "--fetch",
              "--delay",
              "0");
      assertThat(a).hasSize(1);
      assertThat(a.get(0).get("title").asText()).isEqualTo("Ferry notice 7");
      assertThat(tags(a.get(0))).containsExactly("ferry");
      assertThat(a.get(0).get("status").asText()).isEqualTo("archived");
      assertThat(server.count("/page/7")).isEqualTo(1);
    }
  }
}
