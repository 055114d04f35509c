package io.github.spndoctor.app.page.diagnosis;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;

import java.util.Optional;

/** Diagnoses a symptom text with the lookup's evidence (or its failure). Blocking; runs off the UI thread. */
public interface DiagnosisService {
    Findings diagnose(String symptomText, Optional<LookupResult> lookup, Optional<DirectoryException> lookupFailure);
}
