package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylinesTest {
  @Test
  void namesFromBylines() {
    assertThat(Bylines.names("By Lena Sorvik and Amir Castell in Bressa"))
        .containsExactly("Lena Sorvik", "Amir Castell");
    assertThat(Bylines.names("By GILLIAN MOHNEY March 11, 2015 3:46 PM"))
        .containsExactly("GILLIAN MOHNEY");
    assertThat(Bylines.names("Written by Rob Ewaschuk Edited by Betsy Beyer"))
        .containsExactly("Rob Ewaschuk");
    assertThat(Bylines.names("Anna Ferro, Senior Correspondent")).containsExactly("Anna Ferro");
    assertThat(Bylines.names("Par Sébastien Farcis")).containsExactly("Sébastien Farcis");
    assertThat(Bylines.names("肖春芳")).containsExactly("肖春芳");
    assertThat(Bylines.names("https://example.com/authors/x")).isEmpty();
    assertThat(Bylines.names("Share this story")).isEmpty();
  }

  @Test
  void datelinesAreToldFromText() {
    assertThat(Bylines.isDateLine("Ivo Brandt - Apr 16, 2015 8:02 pm UTC")).isTrue();
    assertThat(Bylines.isDateLine("by Ivo Brandt22 Dec 2016651")).isTrue();
    assertThat(Bylines.isDateLine("22 Dec, 2016 22 Dec, 2016")).isTrue();
    assertThat(
            Bylines.isDateLine("Ada Lind, The Velm Gazette Published 7:40 p.m. ET March 17, 2020"))
        .isTrue();
    assertThat(Bylines.isDateLine("Updated 03/17/2020")).isTrue();
    assertThat(Bylines.isDateLine("On March 17, 2020 the quay closed.")).isFalse();
    assertThat(Bylines.isDateLine("Harbour Board Meeting")).isFalse();
    assertThat(Bylines.isDateLine("Velm 2020")).isFalse();
    assertThat(Bylines.isDateLine("March 17, 2020: the board votes on the levy")).isFalse();
    assertThat(Bylines.isDateLine("editor — March 11, 2020 add comment")).isTrue();
    assertThat(Bylines.isDateLine("Ivo Brandt (@ivobrandt) 12 minutes ago Wed 29th April 2020"))
        .isTrue();
    assertThat(Bylines.isDateLine("No comment from the board on March 11, 2020")).isFalse();
  }

  @Test
  void bylineLinesAreToldFromText() {
    assertThat(Bylines.isByLine("By Teodor Vance")).isTrue();
    assertThat(Bylines.isByLine("By Teodor Vance @teovance Reporter")).isTrue();
    assertThat(Bylines.names("By Teodor Vance @teovance Reporter")).containsExactly("Teodor Vance");
    assertThat(Bylines.isNameWithRole("Anna Ferro, Correspondent")).isTrue();
    assertThat(Bylines.isNameWithRole("US critics laud comedy Sideways")).isFalse();
    assertThat(Bylines.isByLine("By the end of the week the river had dropped again.")).isFalse();
  }
}
