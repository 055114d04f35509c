package io.github.spndoctor.app.plan;

/** One tab of the plan preview: an id, its tab label, and the file extension used when saving it. */
public record PreviewFormat(String id, String label, String extension) {
}
