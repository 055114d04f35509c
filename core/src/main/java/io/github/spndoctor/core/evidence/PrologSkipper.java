package io.github.spndoctor.core.evidence;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes a text through, without a leading byte-order mark, white space and {@code <?xml …?>} declaration: an
 * XML declaration is only allowed at the very start, and the evidence reader puts a root element before the text.
 * After the first characters it reads straight from the underlying reader.
 */
final class PrologSkipper extends Reader {
    private static final int MAX_DECLARATION = 512;
    private final Reader in;
    private char[] head;
    private int headPos;
    private int headLen;
    private boolean started;

    PrologSkipper(Reader in) {
        this.in = in;
    }

    private void skipProlog() throws IOException {
        started = true;
        char[] buf = new char[MAX_DECLARATION + 64];
        int n = 0;
        int c;
        while (n < buf.length && (c = in.read()) >= 0) {
            buf[n++] = (char) c;
            if (n == buf.length || c == '>') {
                break;
            }
        }
        int at = 0;
        while (at < n && (buf[at] == '\uFEFF' || Character.isWhitespace(buf[at]))) {
            at++;
        }
        String s = new String(buf, at, n - at);
        if (s.startsWith("<?xml") && s.endsWith("?>")) {
            at = n;                         // the declaration is dropped
        }
        head = buf;
        headPos = at;
        headLen = n;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (!started) {
            skipProlog();
        }
        if (headPos < headLen) {
            int k = Math.min(len, headLen - headPos);
            System.arraycopy(head, headPos, cbuf, off, k);
            headPos += k;
            return k;
        }
        return in.read(cbuf, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
