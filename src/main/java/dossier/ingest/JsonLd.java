package dossier.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** The first schema.org article described in a page's JSON-LD blocks. */
final class JsonLd {

  // CSS queries parsed once, not on every page.
  private static final Evaluator LD_JSON =
      Selector.evaluatorOf("script[type~=(?i)application/ld\\+json]");

  /** Lenient about what hand-made JSON-LD often holds: comments, raw newlines, trailing commas. */
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(200).build())
                  .build())
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "askpublicnewsarticle",
          "scholarlyarticle",
          "techarticle",
          "socialmediaposting",
          "liveblogposting",
          "posting",
          "report",
          "creativework",
          "medicalwebpage",
          "satiricalarticle",
          "advertisercontentarticle",
          "review",
          "discussionforumposting");

  String headline;
  String name;
  String publisher;
  List<String> authors = List.of();
  String published;
  String modified;
  String section;
  String url;
  String lang;
  List<String> keywords = new ArrayList<>();

  /** CDATA and comment markers some sites wrap their JSON in. */
  private static final Pattern WRAPPER_START =
      Pattern.compile("^(?:<!\\[CDATA\\[|<!--|//\\s*<!\\[CDATA\\[)\\s*");

  private static final Pattern WRAPPER_END = Pattern.compile("\\s*(?:\\]\\]>|-->|//\\s*\\]\\]>)$");

  /** The vocabulary's address before a type's name: "https://schema.org/NewsArticle". */
  private static final Pattern TYPE_PREFIX = Pattern.compile("^.*[/:]");

  static JsonLd read(PageElements head) {
    JsonLd out = new JsonLd();
    List<JsonNode> objects = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    for (Element script : head.select(head.scripts, LD_JSON)) {
      JsonNode root;
      try {
        // Some sites wrap the JSON in CDATA or comment markers.
        String json =
            WRAPPER_END
                .matcher(WRAPPER_START.matcher(script.data().trim()).replaceFirst(""))
                .replaceFirst("");
        root = JSON.readTree(json);
      } catch (Exception e) {
        continue; // broken JSON-LD is common; the meta tags still count
      }
      flatten(root, objects, byId);
    }
    JsonNode article = null;
    JsonNode webpage = null;
    for (JsonNode o : objects) {
      Set<String> types = types(o);
      if (article == null && types.stream().anyMatch(ARTICLE_TYPES::contains)) {
        article = o;
      }
      if (webpage == null && (types.contains("webpage") || types.contains("itempage"))) {
        webpage = o;
      }
    }
    if (article == null) {
      article = webpage;
    }
    for (JsonNode o : objects) {
      if (out.publisher == null && types(o).contains("website")) {
        out.publisher = text(o.get("name"));
      }
    }
    if (article == null) {
      return out;
    }
    out.headline = text(article.get("headline"));
    out.name = text(article.get("name"));
    out.published =
        PageMetadata.firstNonBlank(
            text(article.get("datePublished")), text(article.get("dateCreated")));
    out.modified = text(article.get("dateModified"));
    out.section = text(article.get("articleSection"));
    out.url =
        PageMetadata.firstNonBlank(text(article.get("url")), idOf(article.get("mainEntityOfPage")));
    out.lang = text(article.get("inLanguage"));
    JsonNode pub = resolve(article.get("publisher"), byId);
    String pubName = pub == null ? null : text(pub.isObject() ? pub.get("name") : pub);
    if (pubName != null) {
      out.publisher = pubName;
    }
    List<String> names = new ArrayList<>();
    JsonNode author = article.get("author");
    if (author == null) {
      author = article.get("creator");
    }
    for (JsonNode a : iterable(author)) {
      JsonNode r = resolve(a, byId);
      String n = r == null ? null : r.isObject() ? text(r.get("name")) : text(r);
      for (String one : Bylines.names(n)) {
        if (!names.contains(one)) {
          names.add(one);
        }
      }
    }
    out.authors = names;
    JsonNode kw = article.get("keywords");
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode k : iterable(kw)) {
      String s = text(k);
      if (s != null) {
        for (String t : s.split(",")) {
          PageMetadata.addTag(tags, t);
        }
      }
    }
    out.keywords = new ArrayList<>(tags);
    return out;
  }

  /** Collects every object of the JSON-LD trees, without recursion, into a flat list. */
  private static void flatten(JsonNode root, List<JsonNode> out, Map<String, JsonNode> byId) {
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(root);
    int visited = 0;
    while (!stack.isEmpty() && visited++ < 5000) {
      JsonNode n = stack.pop();
      if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          stack.push(n.get(i));
        }
      } else if (n.isObject()) {
        if (n.has("@type")) {
          out.add(n);
        }
        String id = text(n.get("@id"));
        if (id != null && n.size() > 1) {
          byId.putIfAbsent(id, n);
        }
        JsonNode graph = n.get("@graph");
        if (graph != null) {
          stack.push(graph);
        }
        JsonNode main = n.get("mainEntity");
        if (main != null && main.isObject()) {
          stack.push(main);
        }
      }
    }
  }

  private static Set<String> types(JsonNode o) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode t : iterable(o.get("@type"))) {
      String s = text(t);
      if (s != null) {
        out.add(TYPE_PREFIX.matcher(s.toLowerCase(Locale.ROOT)).replaceFirst(""));
      }
    }
    return out;
  }

  private static JsonNode resolve(JsonNode n, Map<String, JsonNode> byId) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      return n.size() == 0 ? null : resolve(n.get(0), byId);
    }
    if (n.isObject() && n.has("@id") && !n.has("name")) {
      JsonNode r = byId.get(text(n.get("@id")));
      return r == null ? n : r;
    }
    return n;
  }

  private static String idOf(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isObject()) {
      return PageMetadata.firstNonBlank(text(n.get("@id")), text(n.get("url")));
    }
    return text(n);
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      return n;
    }
    return List.of(n);
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.size() == 0 ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return n.has("@value") ? text(n.get("@value")) : null;
    }
    String s = Spaces.collapse(org.jsoup.parser.Parser.unescapeEntities(n.asText(), false));
    return s.isEmpty() ? null : s;
  }
}
