package io.github.spndoctor.app.page.symptom;

/** Reads pasted text into what the Symptom page shows. Blocking; runs off the UI thread. Thread-safe. */
@FunctionalInterface
public interface SymptomReader {
    Recognised read(String text);
}
