package live.devopstoolkit.resourcesync.search.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import live.devopstoolkit.resourcesync.search.http.Json;
import live.devopstoolkit.resourcesync.search.index.Filters;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.live.LiveResources;
import live.devopstoolkit.resourcesync.search.ranking.QuestionIntent;
import live.devopstoolkit.resourcesync.search.ranking.ResourceSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four MCP tools, in the order of the guide's query flow: find by meaning (or exactly), then
 * read live. Descriptions say when to use which, because an AI client picks tools by them. Bad
 * input and unreadable objects are tool errors with a message, never a failed call.
 */
public final class ResourceTools {

  public static final int MAX_LIVE = 5;
  private static final Logger LOG = LoggerFactory.getLogger(ResourceTools.class);
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final ToolAnnotations READ_ONLY = new ToolAnnotations(null, true, false, true, false, null);

  private final ResourceSearch search;
  private final InventoryIndex index;
  private final LiveResources live;

  /** {@code live} may be null when no cluster is configured; get_resource then says so. */
  public ResourceTools(ResourceSearch search, LiveResources live) {
    this.search = search;
    this.index = search.index();
    this.live = live;
  }

  public List<SyncToolSpecification> tools() {
    return List.of(
        tool("search_resources", """
            Find Kubernetes resources by meaning, from a question in plain words, e.g. "which databases \
            are we running?", "what caches do we have", "services related to payments". Use this first \
            whenever exact kinds, names or labels are unknown. Returns synced metadata (id, kind, name, \
            namespace, labels, description annotations, score), best first; not live status: pass the \
            ids to get_resource for current spec and status.""",
            schema(Map.of(
                "question", prop("string", "The question or keywords, in plain words (at most "
                    + QuestionIntent.MAX_QUESTION_LENGTH + " characters)."),
                "kind", prop("string", "Only this kind, e.g. Deployment (see list_resource_kinds)."),
                "namespace", prop("string", "Only this namespace; _cluster for cluster-scoped resources."),
                "apiVersion", prop("string", "Only this apiVersion, e.g. apps/v1."),
                "limit", prop("integer", "How many results, 1-" + QuestionIntent.MAX_LIMIT + ", default "
                    + QuestionIntent.DEFAULT_LIMIT + ".")), List.of("question")),
            this::searchResources),
        tool("query_resources", """
            List resources that match exact filters: kind, namespace and labels (all must match). Use \
            when the exact kind, namespace or label is known, e.g. every Deployment in namespace \
            production, or everything labelled app.kubernetes.io/name=postgresql. For questions in plain \
            words use search_resources.""",
            schema(Map.of(
                "kind", prop("string", "Kind, e.g. StatefulSet (see list_resource_kinds)."),
                "namespace", prop("string", "Namespace; _cluster for cluster-scoped resources."),
                "labels", Map.of("type", "object", "description", "Labels that must all match, key to value; "
                    + "an empty value matches any value of that key.", "additionalProperties", Map.of("type", "string")),
                "limit", prop("integer", "At most this many, 1-500, default 50.")), List.of()),
            this::queryResources),
        tool("get_resource", """
            Read the current spec and status of up to %d resources live from the Kubernetes API, by the \
            ids that search_resources or query_resources returned (namespace:apiVersion:kind:name). Use it \
            to answer questions about state: is it healthy, how many replicas are ready, what image, which \
            conditions. Secret and ConfigMap values, container env values and large annotations are \
            withheld; each object is capped at %d KB.""".formatted(MAX_LIVE, LiveResources.MAX_BYTES / 1024),
            schema(Map.of("ids", Map.of("type", "array", "items", Map.of("type", "string"), "minItems", 1,
                "maxItems", MAX_LIVE, "description", "Ids from search_resources or query_resources.")),
                List.of("ids")),
            this::getResource),
        tool("list_resource_kinds", """
            List the kinds of resources in the inventory, with how many of each. Use it to learn which \
            kinds exist (including operators' custom kinds) before filtering by kind.""",
            schema(Map.of(), List.of()),
            arguments -> JSON.valueToTree(index.kinds())));
  }

  private JsonNode searchResources(Map<String, Object> arguments) {
    return Json.hits(search.search(string(arguments, "question"), string(arguments, "kind"),
        string(arguments, "namespace"), string(arguments, "apiVersion"), integer(arguments, "limit"), Mode.HYBRID));
  }

  private JsonNode queryResources(Map<String, Object> arguments) {
    String kind = string(arguments, "kind");
    if (kind != null) {
      kind = QuestionIntent.canonicalKind(kind, index.kinds().keySet());
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (arguments.get("labels") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> labels.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (arguments.get("labels") != null) {
      throw new IllegalArgumentException("labels must be an object of key to value");
    }
    Integer limit = integer(arguments, "limit");
    int max = limit == null ? 50 : limit;
    if (max < 1 || max > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500, was " + max);
    }
    ArrayNode result = JSON.createArrayNode();
    index.find(new Filters(kind == null ? Set.of() : Set.of(kind), string(arguments, "namespace"), null, labels), max)
        .forEach(r -> result.add(JSON.createObjectNode().put("id", r.id()).setAll(r.toJson())));
    return result;
  }

  private JsonNode getResource(Map<String, Object> arguments) {
    if (live == null) {
      throw new IllegalArgumentException("this search server has no access to a Kubernetes API (SEARCH_KUBERNETES=false)");
    }
    List<String> ids = new ArrayList<>();
    if (arguments.get("ids") instanceof List<?> list) {
      list.forEach(id -> ids.add(String.valueOf(id)));
    } else if (arguments.get("id") != null) {
      ids.add(String.valueOf(arguments.get("id")));
    }
    if (ids.isEmpty() || ids.size() > MAX_LIVE) {
      throw new IllegalArgumentException("give between 1 and " + MAX_LIVE + " ids, got " + ids.size());
    }
    ArrayNode result = JSON.createArrayNode();
    for (String id : ids) {
      try {
        result.add(live.read(id));
      } catch (IllegalArgumentException e) {
        result.add(JSON.createObjectNode().put("id", id).put("error", e.getMessage()));
      }
    }
    if (result.size() == 1 && result.get(0).has("error")) {
      throw new IllegalArgumentException(result.get(0).path("error").asText());
    }
    return result;
  }

  private static SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
      Function<Map<String, Object>, JsonNode> handler) {
    Tool tool = Tool.builder(name).description(description).inputSchema(inputSchema).annotations(READ_ONLY).build();
    return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      try {
        JsonNode answer = handler.apply(arguments);
        return CallToolResult.builder().addTextContent(JSON.writeValueAsString(answer)).isError(false).build();
      } catch (IllegalArgumentException e) {
        return CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
      } catch (Exception e) {
        LOG.warn("event=tool-failed tool={} error=\"{}\"", name, e.toString());
        return CallToolResult.builder().addTextContent(name + " failed: " + e.getMessage()).isError(true).build();
      }
    }).build();
  }

  private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> prop(String type, String description) {
    return Map.of("type", type, "description", description);
  }

  private static String string(Map<String, Object> arguments, String name) {
    Object value = arguments.get(name);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
  }

  private static Integer integer(Map<String, Object> arguments, String name) {
    Object value = arguments.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was " + value);
    }
  }
}
