package io.github.spndoctor.core.evidence;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Passes a text through, without a leading byte-order mark, white space and {@code <?xml …?>} declaration: an
 * XML declaration is only allowed at the very start, and the evidence reader puts a root element before the text.
 */
final class PrologSkipper extends Reader {
    private static final int MAX_DECLARATION = 512;
    private final PushbackReader in;
    private boolean started;

    PrologSkipper(Reader in) {
        this.in = new PushbackReader(in, MAX_DECLARATION + 8);
    }

    private void skipProlog() throws IOException {
        started = true;
        int c;
        do {
            c = in.read();
        } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
        if (c < 0) {
            return;
        }
        if (c != '<') {
            in.unread(c);
            return;
        }
        char[] buf = new char[MAX_DECLARATION];
        int n = 0;
        int d;
        while (n < buf.length && (d = in.read()) >= 0) {
            buf[n++] = (char) d;
            if (n >= 4 && n < 5 && !new String(buf, 0, 4).equals("?xml")) {
                break;
            }
            if (n >= 2 && buf[n - 2] == '?' && buf[n - 1] == '>') {
                return; // declaration dropped
            }
        }
        in.unread(buf, 0, n);
        in.unread('<');
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (!started) {
            skipProlog();
        }
        return in.read(cbuf, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
