package io.github.spndoctor.app.session;

import io.github.spndoctor.core.directory.Directory;

/** The app's name for core's {@link io.github.spndoctor.core.directory.DelegatingDirectory}. */
public class DelegatingDirectory extends io.github.spndoctor.core.directory.DelegatingDirectory {
    public DelegatingDirectory(Directory delegate) { super(delegate); }
}
