package live.devopstoolkit.resourcesync.search.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One shared token guards sync, REST and MCP alike: the controller holds it in its Secret, and
 * the MCP client in its configuration. Compared in constant time; never logged.
 */
public final class BearerAuthFilter implements Filter {

  private final byte[] expected;

  public BearerAuthFilter(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a bearer token is required (SEARCH_TOKEN)");
    }
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    String header = request.getHeader("Authorization");
    if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
      HttpServletResponse response = (HttpServletResponse) res;
      response.setHeader("WWW-Authenticate", "Bearer");
      Json.error(response, 401, "UNAUTHORIZED", "missing or wrong token");
      return;
    }
    chain.doFilter(req, res);
  }
}
