package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A caption's credit goes whichever way it is written; a caption without one is left whole. */
class CaptionsTest {
  @Test
  void everyFormOfCreditGoes() {
    String c = "Ferries wait at the Velm quay on Monday.";
    assertThat(Captions.withoutCredit(c + " Photograph: Ivo Brandt/Northern Post")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + " (Photo by Ivo Brandt)")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + " PHOTO BY IVO BRANDT")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + " © Northern Post")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + " (C) Northern Post")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + "CreditCredit Ivo Brandt for The Post")).isEqualTo(c);
    assertThat(Captions.withoutCredit(c + " Credit: Ivo Brandt")).isEqualTo(c);
    assertThat(Captions.withoutCredit("Image caption " + c)).isEqualTo(c);
  }

  @Test
  void aCaptionWithoutCreditIsLeftWhole() {
    String c = "Ferries wait at the Velm quay, where the strike began, on Monday.";
    assertThat(Captions.withoutCredit(c)).isEqualTo(c);
    assertThat(Captions.withoutCredit("© Northern Post")).isNull();
  }

  @Test
  void caseIsIgnoredForAsciiOnly() {
    assertThat(Captions.holdsIgnoringCase("Story BY the desk", "by")).isTrue();
    assertThat(Captions.holdsIgnoringCase("Tell us how YoU voted", "you")).isTrue();
    assertThat(Captions.holdsIgnoringCase("Bay yards", "by")).isFalse();
    assertThat(Captions.holdsIgnoringCase("b", "by")).isFalse();
  }
}
