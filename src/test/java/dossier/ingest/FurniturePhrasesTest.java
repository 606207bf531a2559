package dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every phrase of {@code furniture-phrases.txt} has its example line, which it matches and which
 * leaves the body; and sentences of news that look alike stay.
 */
class FurniturePhrasesTest {
  private static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!l.isBlank() && !l.startsWith("#")) {
        out.add(l.strip());
      }
    }
    return out;
  }

  @Test
  void everyPhraseMatchesItsExampleAndTheExampleIsFurniture() throws IOException {
    List<String> examples;
    try (InputStream in = getClass().getResourceAsStream("/furniture-examples.txt")) {
      examples = lines(in);
    }
    List<Pattern> phrases = Furniture.PHRASES;
    assertThat(examples).as("one example a phrase").hasSize(phrases.size());
    for (int i = 0; i < phrases.size(); i++) {
      assertThat(phrases.get(i).matcher(examples.get(i)).matches())
          .as(phrases.get(i) + " on " + examples.get(i))
          .isTrue();
      assertThat(Furniture.isKnown(examples.get(i))).as(examples.get(i)).isTrue();
    }
  }

  @Test
  void sourceNotesCreditsAndReportingLinesInSeveralFormsAreFurniture() {
    for (String s :
        List.of(
            "With files from The Velm Press",
            "(With information from Reuters and AFP)",
            "Avec des informations de l'AFP",
            "Con información de EFE y Reuters.",
            "Com informações da Agência Velm",
            "Ada Lind and Karl Vesey contributed.",
            "Ada Lind, Karl Vesey and Nadia Brook contributed.",
            "Top photo by Ines Morrow",
            "Ada Lind reported from Velm.",
            "Ada Lind reported from Velm, Ostmark, and Karl Vesey reported from Hill Bay.",
            "Subscribe now: $1 for your first 3 months",
            "Limited offer: 3 months for $1, cancel anytime")) {
      assertThat(Furniture.isKnown(s)).as(s).isTrue();
    }
  }

  @Test
  void newsSentencesThatLookAlikeStay() {
    for (String s :
        List.of(
            "The study, published in May by the harbour board, found the quay unsafe.",
            "Reporters from three papers contributed questions to the panel on Monday.",
            "The photo, taken in 2019, shows the old quay before the storm.",
            "Editors at the Velm Gazette said the report would be published next week.",
            "Credit card debt rose again in May, the bank said.",
            "Supported by the mayor, the plan passed.",
            "Ada Lind, the AP reporter who broke the story, said the quay was unsafe.",
            "The label said that all rights reserved to the band were sold in 2019.",
            "Press Ctrl+Enter to send, the manual says, and the message goes at once.",
            "The video, seen by millions, is not available in Velm, the ministry said.",
            "Comments from the mayor on Monday drew a sharp reply from the harbour board.",
            "The clip drew 2 million views: more than any other in the harbour's history.",
            "Read the whole story of the quay in the harbour museum, the guide says.",
            "You must be logged in to vote, the clerk told residents at the door.",
            "Be the first to know what the council decides, she urged residents.",
            "Facebook, Twitter and Instagram removed the posts on Monday.",
            "Next story in the series, the editor said, will be about the ferry.",
            "Ballots will be delivered to your mailbox by the county, the clerk said.",
            "This site uses cookies from three trackers, the regulator found in May.",
            "We'd love to get your feedback on the quay, the mayor told residents.",
            "The court found that use of this site constitutes no contract, the judge said.",
            "If you buy something through the harbour shop, the board takes a share, she said.",
            "The form below the clerk's window was filled in by hand, the court heard.",
            "11:30 The ferry leaves the quay. Passengers were told to wait at the gate.",
            "Reporter covering the trial said the jury was still out on Monday.",
            "Please consider donating blankets, the mayor told residents, the shelter said.",
            "#1 seed Velm beat Ostmark on Sunday to reach the final.",
            "Reuters Velm bureau chief Ada Lind said the port would reopen.",
            "By Monday, the ferry had left the quay for the last time.",
            "Reviewed by the court in May, the plan was approved.",
            "The board's photo (credit: the council) was shown on Monday.",
            "Members saw the new quay (pictured) on Monday.",
            "Turning clockwise from the top of the quay, the crane lifted the boat, she said.",
            "The editor's note on the harbour story was corrected on Monday.",
            "With files from the harbour board, the museum opened a show on Monday.",
            "With information from Velm police the search went on until dawn.",
            "D'après les informations de l'AFP, le ferry a quitté le quai lundi.",
            "Ada Lind reported from Velm that the quay would close on Monday.",
            "Karl Vesey reported from the quay, where the ferry had left.",
            "Top photo editors at the Velm Gazette chose the picture by vote.",
            "Ada Lind and Karl Vesey contributed money to the harbour fund.",
            "Readers can now pay 3 months for $1, the Velm Gazette said on Monday.",
            "The ferry carried 2 months for 1 million passengers less than in 2019.")) {
      assertThat(Furniture.isKnown(s)).as(s).isFalse();
    }
  }
}
