package dossier.ingest;

import dossier.core.Extracted;
import dossier.core.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text articles: paragraphs are separated by blank lines (or are one per line). A short first
 * paragraph without final punctuation is the headline; a paragraph printed twice at the top is the
 * photo caption; else the title is made from the first sentence.
 */
final class TextExtractor {
  private TextExtractor() {}

  static Extracted extract(String text) {
    List<String> paras = paragraphs(text);
    String title = null;
    String caption = null;
    if (paras.size() >= 2 && paras.get(0).equals(paras.get(1))) {
      caption = paras.remove(0);
      paras.remove(0);
    }
    if (!paras.isEmpty() && isHeadline(paras.get(0)) && paras.size() > 1) {
      title = paras.remove(0);
    }
    String body = String.join("\n\n", paras);
    if (title == null) {
      title = titleFromFirstSentence(body);
    }
    return new Extracted(title, null, List.of(), null, null, null, null, caption, body, List.of(),
        "text");
  }

  static List<String> paragraphs(String text) {
    String t = text.replace("\r\n", "\n").replace('\r', '\n');
    List<String> out = new ArrayList<>();
    for (String block : t.split("\n\\s*\n")) {
      String p = Text.oneLine(block);
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  static boolean isHeadline(String p) {
    return p.length() <= 150 && !p.matches(".*[.!?:;,]$") && Text.wordCount(p) <= 20;
  }

  static String titleFromFirstSentence(String body) {
    String first = body.split("\n", 2)[0];
    int end = first.length();
    for (int i = 0; i < first.length() - 1; i++) {
      char c = first.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && first.charAt(i + 1) == ' ' && i > 20) {
        end = i + 1;
        break;
      }
    }
    return Text.cutAtWord(first.substring(0, end), 100);
  }
}
