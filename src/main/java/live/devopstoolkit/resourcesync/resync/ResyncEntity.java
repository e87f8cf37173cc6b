package live.devopstoolkit.resourcesync.resync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.informer.CachedObject;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * Step 6 of "How It Works": a full resync body ({@code isResync: true}, every object in
 * {@code upserts}) written straight from the informer caches to the socket, chunked. The cluster is
 * never copied into one big request in memory, and every attempt (a redelivery too) walks the caches
 * again, so it sends their state at that moment. Each record written is reported to {@code sent} so
 * the acknowledgement covers exactly what the receiver got.
 */
public final class ResyncEntity extends AbstractHttpEntity {

  private final ObjectWriter records;
  private final ObjectMapper mapper;
  private final Supplier<Stream<CachedObject>> snapshot;
  private final Runnable rendering;
  private final BiConsumer<ResourceRef, SyncRecord> sent;

  public ResyncEntity(ObjectMapper mapper, Supplier<Stream<CachedObject>> snapshot, Runnable rendering,
      BiConsumer<ResourceRef, SyncRecord> sent) {
    super(ContentType.APPLICATION_JSON, null, true);
    this.mapper = mapper;
    this.records = mapper.writerFor(SyncRecord.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    this.snapshot = snapshot;
    this.rendering = rendering;
    this.sent = sent;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    rendering.run();
    try (JsonGenerator json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Stream<CachedObject> objects = snapshot.get()) {
      json.writeStartObject();
      json.writeBooleanField("isResync", true);
      json.writeArrayFieldStart("upserts");
      for (var it = objects.iterator(); it.hasNext(); ) {
        CachedObject object = it.next();
        records.writeValue(json, object.record());
        sent.accept(object.ref(), object.record());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  @Override
  public InputStream getContent() {
    throw new UnsupportedOperationException("A resync body is only ever written, never read");
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public boolean isStreaming() {
    return false;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void close() {
  }
}
