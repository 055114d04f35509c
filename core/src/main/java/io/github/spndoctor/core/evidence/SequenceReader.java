package io.github.spndoctor.core.evidence;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Several readers read one after the other (the character twin of {@link java.io.SequenceInputStream}). */
final class SequenceReader extends Reader {
    private final List<Reader> parts;
    private int current;

    SequenceReader(Reader... parts) {
        this.parts = List.of(parts);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current < parts.size()) {
            int n = parts.get(current).read(buf, off, len);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                current++;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (Reader r : parts) {
            r.close();
        }
    }
}
