package io.github.spndoctor.app.page.result;

import io.github.spndoctor.core.apply.ChangeProgress;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One change on the Result page: its sentence, its progress and any message (why it failed). UI thread only. */
public final class ChangeRow {
    private final String description;
    private final ObjectProperty<ChangeProgress> status = new SimpleObjectProperty<>(ChangeProgress.WAITING);
    private final StringProperty message = new SimpleStringProperty("");

    public ChangeRow(String description) {
        this.description = description;
    }

    public String description() { return description; }

    public ObjectProperty<ChangeProgress> statusProperty() { return status; }

    public StringProperty messageProperty() { return message; }
}
