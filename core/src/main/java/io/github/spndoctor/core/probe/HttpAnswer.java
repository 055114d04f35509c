package io.github.spndoctor.core.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer as read by {@link WsmanHttp}: status, headers (names lower-cased, values in order) and at most
 * {@link WsmanHttp#MAX_BODY} bytes of the body. Immutable.
 *
 * @param bodyCut true when the body was longer than what was read
 */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body, boolean bodyCut) {
    public HttpAnswer {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** All values of a header. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
