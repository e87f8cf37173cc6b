package live.devopstoolkit.resourcesync.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What may be repeated of a receiver's reply. The reply is written by whoever runs the endpoint,
 * and what is said of it ends up in {@code status.lastError}, Events and logs, which many more
 * people read than the controller's Secret. So only the HTTP status, the protocol's error code and
 * a cleaned, short message are kept; bearer credentials are cut out; and no more of the body than
 * the protocol ever needs is read, however much the receiver sends.
 */
final class ReceiverReply {

  /** A protocol answer is a few hundred bytes; anything past this is not read. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_MESSAGE_CHARS = 160;
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer|basic|token|authorization)\\s*[:=]?\\s*\\S+");
  private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\p{Cf}]+");

  private ReceiverReply() {
  }

  /** Up to {@link #MAX_BODY_BYTES} of the body, decoded as UTF-8; the stream is closed either way. */
  static String readCapped(InputStream body) throws IOException {
    if (body == null) {
      return null;
    }
    try (body) {
      return new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }
  }

  /** The protocol's error code when it looks like one, else empty. */
  static String errorCode(String code) {
    return code != null && ERROR_CODE.matcher(code).matches() ? code : "";
  }

  /**
   * A receiver's message made safe to repeat: one line of printable characters, credentials and the
   * given token removed, at most {@link #MAX_MESSAGE_CHARS} characters.
   */
  static String message(String text, String token) {
    if (text == null) {
      return "";
    }
    String cleaned = text;
    if (token != null && !token.isEmpty()) {
      cleaned = cleaned.replace(token, "[redacted]");
    }
    cleaned = BEARER.matcher(cleaned).replaceAll("[redacted]");
    cleaned = UNPRINTABLE.matcher(cleaned).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return cleaned.length() <= MAX_MESSAGE_CHARS ? cleaned : cleaned.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  /** The endpoint as it may be shown: scheme, host, port and path, without credentials or query. */
  static String endpoint(String endpoint) {
    try {
      URI url = URI.create(endpoint);
      return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath();
    } catch (IllegalArgumentException e) {
      return "the MCP endpoint";
    }
  }
}
