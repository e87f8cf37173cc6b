package live.devopstoolkit.resourcesync.search.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LiveResourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void secretAndConfigMapValuesBecomeKeyNames() throws Exception {
    ObjectNode secret = (ObjectNode) JSON.readTree("""
        {"kind":"Secret","metadata":{"name":"s","managedFields":[{}]},"data":{"password":"aHVudGVyMg=="},
         "stringData":{"token":"hunter2"}}""");
    ObjectNode reduced = LiveResources.reduce(secret);
    assertThat(reduced.toString()).doesNotContain("aHVudGVyMg==", "hunter2", "managedFields");
    assertThat(reduced.path("dataKeys").get(0).asText()).isEqualTo("password");

    ObjectNode config = (ObjectNode) JSON.readTree("""
        {"kind":"ConfigMap","metadata":{"name":"c"},"data":{"application.yaml":"db.password: hunter2"}}""");
    assertThat(LiveResources.reduce(config).toString()).doesNotContain("hunter2").contains("application.yaml");
  }

  @Test
  void envValuesAndLargeAnnotationsAreWithheldAndHugeObjectsCapped() throws Exception {
    ObjectNode pod = (ObjectNode) JSON.readTree("""
        {"kind":"Pod","metadata":{"name":"p","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"x",
         "team":"web"}},"spec":{"containers":[{"name":"a","env":[{"name":"PW","value":"hunter2"},
         {"name":"REF","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}]}]},"status":{"phase":"Running"}}""");
    ObjectNode reduced = LiveResources.reduce(pod);
    assertThat(reduced.toString()).doesNotContain("hunter2").contains("secretKeyRef", "\"team\":\"web\"", "Running");
    assertThat(reduced.path("metadata").path("annotations").path("kubectl.kubernetes.io/last-applied-configuration")
        .asText()).isEqualTo("<withheld>");

    ObjectNode huge = (ObjectNode) JSON.readTree("{\"kind\":\"Thing\",\"metadata\":{\"name\":\"t\"},"
        + "\"spec\":{\"blob\":\"" + "a".repeat(LiveResources.MAX_BYTES) + "\"},\"status\":{\"ready\":true}}");
    ObjectNode capped = LiveResources.reduce(huge);
    assertThat(JSON.writeValueAsBytes(capped).length).isLessThanOrEqualTo(LiveResources.MAX_BYTES);
    assertThat(capped.has("spec")).isFalse();
    assertThat(capped.path("status").path("ready").asBoolean()).isTrue();
    assertThat(capped.path("truncated").asText()).contains("spec omitted");
  }
}
