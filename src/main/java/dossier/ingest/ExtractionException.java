package dossier.ingest;

import dossier.core.DossierException;

/** A file that cannot be made into an article: binary, empty, undecodable. */
public class ExtractionException extends DossierException {
  public ExtractionException(String message) {
    super(message);
  }
}
