package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.core.Extracted;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingTest {
  private static final String ARTICLE =
      "Café owners in Velm say prices rose by 12% — “unbearable”, one said.\n\n"
          + "A coffee now costs £3.20 or €3.70, up from £2.90 last year; naïve hopes of relief"
          + " faded.\n";

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static String body(byte[] bytes, String name) {
    Extracted x = Extractors.extract(bytes, name, Format.AUTO);
    assertThat(x.body()).doesNotContain("\uFFFD", "Ã", "â€", "\uFEFF");
    return x.body();
  }

  @Test
  void utf8WithBom() {
    byte[] b =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            ARTICLE.getBytes(StandardCharsets.UTF_8));
    assertThat(body(b, "a.txt")).startsWith("Café owners").contains("“unbearable”", "€3.70");
  }

  @Test
  void utf16WithBomBothByteOrders() {
    byte[] le =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARTICLE.getBytes(StandardCharsets.UTF_16LE));
    byte[] be =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ARTICLE.getBytes(StandardCharsets.UTF_16BE));
    assertThat(body(le, "a.txt")).startsWith("Café owners").contains("£3.20");
    assertThat(body(be, "a.txt")).startsWith("Café owners").contains("£3.20");
  }

  @Test
  void utf16WithoutBom() {
    byte[] le = ARTICLE.getBytes(StandardCharsets.UTF_16LE);
    assertThat(body(le, "a.txt")).startsWith("Café owners").contains("naïve");
    byte[] be = ARTICLE.getBytes(StandardCharsets.UTF_16BE);
    assertThat(body(be, "a.txt")).startsWith("Café owners").contains("naïve");
  }

  @Test
  void windows1252WithoutDeclaration() {
    byte[] b = ARTICLE.getBytes(Charset.forName("windows-1252"));
    assertThat(b).contains((byte) 0x80, (byte) 0xA3, (byte) 0x93); // €, £, “ as single bytes
    assertThat(body(b, "a.txt")).contains("“unbearable”", "€3.70", "£3.20", "— ", "naïve");
  }

  @Test
  void latin1PoundSignInOtherwiseAsciiText() {
    byte[] b =
        "Tickets cost \u00a310 at the door.\n\nThe show starts at eight.\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(body(b, "a.txt")).contains("£10");
  }

  @Test
  void metaCharsetIsHonored() {
    String html =
        "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body>"
            + "<article><p>Жители города Велм говорят, что цены выросли, а зарплаты нет, и никто не"
            + " знает, что будет дальше.</p></article></body></html>";
    byte[] b = html.getBytes(Charset.forName("windows-1251"));
    Extracted x = Extractors.extract(b, "a.html", Format.AUTO);
    assertThat(x.title()).isEqualTo("Новости");
    assertThat(x.body()).startsWith("Жители города Велм");
  }

  @Test
  void httpEquivAndXmlDeclarationsAreHonored() {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html;"
            + " charset=ISO-8859-15\"></head><body><p>Le prix du café atteint 4 € à Velm, selon les"
            + " commerçants, qui parlent d'une hausse « historique ».</p></body></html>";
    Extracted x =
        Extractors.extract(html.getBytes(Charset.forName("ISO-8859-15")), "a.html", Format.AUTO);
    assertThat(x.body()).contains("café atteint 4 € à Velm", "« historique »");

    String xhtml =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n"
            + "<html><body><p>Mieszkańcy Velm mówią, że ceny wzrosły, a płace nie, i nikt nie wie,"
            + " co dalej.</p></body></html>";
    Extracted y =
        Extractors.extract(xhtml.getBytes(Charset.forName("ISO-8859-2")), "a.xhtml", Format.AUTO);
    assertThat(y.body()).contains("Mieszkańcy", "płace");
  }

  @Test
  void declaredCharsetThatLiesFallsBackToDetection() {
    String html =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u00e9 prices in Velm rose again"
            + " this week, traders said, and nobody expects them to fall.</p></body></html>";
    byte[] b = html.getBytes(Charset.forName("windows-1252"));
    Extracted x = Extractors.extract(b, "a.html", Format.AUTO);
    assertThat(x.body()).contains("Café prices").doesNotContain("\uFFFD");
  }

  @Test
  void utf8PageThatStillDeclaresALegacyCharsetIsReadAsUtf8() {
    String html =
        "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 prices in"
            + " Velm rose by 5 \u20ac this week \u2014 \u201cunbearable\u201d, traders said.</p>"
            + "</body></html>";
    Extracted x = Extractors.extract(html.getBytes(StandardCharsets.UTF_8), "a.html", Format.AUTO);
    assertThat(x.body())
        .contains("Café prices", "5 € this week — “unbearable”")
        .doesNotContain("Ã", "â€");
  }

  @Test
  void tenMegabyteSingleLineFileIsHandled() {
    String line = "The tide came in again and again, said the harbour master. ".repeat(170_000);
    Extracted x =
        Extractors.extract(line.getBytes(StandardCharsets.UTF_8), "long.txt", Format.AUTO);
    assertThat(x.body().length()).isGreaterThan(9_000_000);
    assertThat(x.title()).startsWith("The tide came in again");
  }
}
