package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import live.devopstoolkit.resourcesync.status.SyncMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncResponsesTest {

  Pipelines pipelines;
  SyncResponses responses;

  @BeforeEach
  void setUp() {
    pipelines = new Pipelines(new InformerRegistry(null, 500), Clock.systemUTC(), new BatchLimits(500, 1 << 19), new BackoffPolicy(1, 1), 3,
        new SyncMetrics(SimpleMeterRegistry::new), key -> 0);
    pipelines.open(PipelineTest.TARGET);
    responses = new SyncResponses(pipelines, new ObjectMapper());
  }

  @Test
  void onlyTheProtocolsSuccessIsASuccess() throws Exception {
    Exchange exchange = answer(200, "{\"success\":true,\"data\":{\"upserted\":1,\"deleted\":0}}");
    responses.check(exchange);
    assertThat(exchange.getProperty(Pipelines.FAILED_IDS, Set.class)).isEmpty();
    assertThat(errors()).isZero();
  }

  @Test
  void anHtmlPageWith200IsAFailure() {
    assertThatThrownBy(() -> responses.check(answer(200, "<html>proxy</html>")))
        .isInstanceOf(DeliveryFailure.ReceiverUnavailable.class)
        .hasMessage("MCP endpoint answered HTTP 200 with a body that is not the sync protocol's JSON");
    assertThat(errors()).isOne();
  }

  @Test
  void aRedirectIsAFailureThatSaysWhy() {
    assertThatThrownBy(() -> responses.check(answer(302, "")))
        .isInstanceOf(DeliveryFailure.ReceiverUnavailable.class)
        .hasMessageContaining("HTTP 302 (a redirect, not followed");
  }

  @Test
  void aReceiversMessageIsCleanedOfTheTokenCredentialsAndControlCharactersAndCapped() {
    Exchange exchange = answer(401, "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED<script>\","
        + "\"message\":\"bad token s3cr3t-t0ken, got Authorization: Bearer s3cr3t-t0ken\\n\\u001b[31m"
        + "x".repeat(500) + "\"}}");
    exchange.setProperty(SyncRequests.TOKEN, "s3cr3t-t0ken");
    assertThatThrownBy(() -> responses.check(exchange))
        .satisfies(e -> assertThat(e.getMessage())
            .startsWith("MCP endpoint answered HTTP 401: bad [redacted]")
            .doesNotContain("s3cr3t-t0ken").doesNotContain("\n").doesNotContain("\u001b").doesNotContain("script")
            .hasSizeLessThan(260));
    assertThat(pipelines.get(PipelineTest.TARGET.key()).orElseThrow().status().lastError())
        .doesNotContain("s3cr3t-t0ken");
    assertThat(exchange.getProperty(SyncRequests.TOKEN)).isNull();
  }

  @Test
  void onlyTheStartOfAHugeAnswerIsRead() throws Exception {
    byte[] huge = ("{\"success\":true," + " ".repeat(8 << 20) + "}").getBytes(StandardCharsets.UTF_8);
    CountingStream body = new CountingStream(huge);
    Exchange exchange = answer(200, null);
    exchange.getMessage().setBody(body);
    assertThatThrownBy(() -> responses.check(exchange)).isInstanceOf(DeliveryFailure.ReceiverUnavailable.class);
    assertThat(body.read).isLessThanOrEqualTo(ReceiverReply.MAX_BODY_BYTES);
    assertThat(body.closed).isTrue();
  }

  static final class CountingStream extends ByteArrayInputStream {

    int read;
    boolean closed;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      read += Math.max(0, n);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void successFalseWith200IsAFailure() {
    assertThatThrownBy(() -> responses.check(answer(200, "{\"success\":false}")))
        .isInstanceOf(DeliveryFailure.ReceiverUnavailable.class);
  }

  @Test
  void aPartialFailureAcknowledgesAllButTheListedRecords() throws Exception {
    Exchange exchange = answer(400, """
        {"success":false,"error":{"code":"SYNC_PARTIAL_FAILURE","message":"1 failed",
         "details":{"upserted":2,"deleted":0,"failures":[{"id":"ns:v1:ConfigMap:bad","error":"too big"}]}}}""");
    responses.check(exchange);
    assertThat(exchange.getProperty(Pipelines.FAILED_IDS, Set.class)).containsExactly("ns:v1:ConfigMap:bad");
    assertThat(errors()).isOne();
  }

  @Test
  void aRejectedRequestIsNotRetriedAsIs() {
    assertThatThrownBy(() -> responses.check(answer(400,
        "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"name is required\"}}")))
        .isInstanceOf(DeliveryFailure.BatchRejected.class)
        .hasMessage("MCP endpoint answered HTTP 400 VALIDATION_ERROR: name is required");
  }

  @Test
  void unavailableReceiversAreRetriedAndRetryAfterIsRead() {
    Exchange exchange = answer(503, "{\"success\":false,\"error\":{\"code\":\"VECTOR_DB_UNAVAILABLE\",\"message\":\"down\"}}");
    exchange.getMessage().setHeader("Retry-After", "7");
    assertThatThrownBy(() -> responses.check(exchange))
        .isInstanceOfSatisfying(DeliveryFailure.ReceiverUnavailable.class, e -> {
          assertThat(e.retryAfterMillis()).isEqualTo(7_000);
          assertThat(e.reason()).isEqualTo(ReadyReason.SyncFailing);
        });
  }

  @Test
  void anUnreachableEndpointIsCountedAndNamed() {
    Exchange exchange = answer(0, null);
    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new java.net.ConnectException("Connection refused"));
    assertThatThrownBy(() -> responses.unreachable(exchange))
        .isInstanceOfSatisfying(DeliveryFailure.ReceiverUnavailable.class,
            e -> assertThat(e.reason()).isEqualTo(ReadyReason.EndpointUnreachable))
        .hasMessage("cannot reach http://mcp/sync: ConnectException: Connection refused");
    assertThat(errors()).isOne();
  }

  @Test
  void anUnreachableEndpointIsNamedWithoutCredentialsOrQuery() {
    pipelines.open(new SyncTarget("ns", "creds", "uid", "http://user:pw@mcp:80/sync?key=v", "s", "k", 10, 60, 1));
    Exchange exchange = answer(0, null);
    exchange.setProperty(Pipelines.PIPELINE, "ns/creds");
    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new java.net.ConnectException("Connection refused"));
    assertThatThrownBy(() -> responses.unreachable(exchange))
        .hasMessage("cannot reach http://mcp:80/sync: ConnectException: Connection refused");
  }

  Exchange answer(int code, String body) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.setProperty(Pipelines.PIPELINE, PipelineTest.TARGET.key());
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, code);
    exchange.getMessage().setBody(body);
    return exchange;
  }

  long errors() {
    return pipelines.get(PipelineTest.TARGET.key()).orElseThrow().status().syncErrors();
  }
}
