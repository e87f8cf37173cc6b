package live.devopstoolkit.resourcesync.search.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import live.devopstoolkit.resourcesync.search.embedding.Embedder;
import live.devopstoolkit.resourcesync.search.embedding.RecentQuestions;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.inventory.SyncOutcome;
import live.devopstoolkit.resourcesync.search.ranking.OperatorWorkload;
import live.devopstoolkit.resourcesync.search.ranking.ResourceText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory in one Lucene index on disk: per record an HNSW vector of its embedding text, a
 * BM25 text field, exact kind, namespace, apiVersion and label terms, and the record itself. Each
 * sync request is one commit, so a restart reopens what was acknowledged without embedding again.
 * A record is embedded only when no record indexed or in the same request has its embedding text:
 * a changed timestamp alone keeps the stored vector, and the replicas of a workload share one. Rankings are fused by reciprocal rank, which needs no score calibration
 * between BM25 and cosine similarity.
 *
 * <p>A request with more new texts than {@code embedBehindAbove} (a first full resync of a large
 * cluster) is committed without those vectors and answered at once; its records are embedded
 * behind, in chunks, each chunk committed with its vectors. The sender's timeout bounds a request,
 * and 50,000 records take minutes of the model's time on two cores. What the reply promises still
 * holds: every record is durably held (a restart resumes the embedding) and found at once by exact
 * filters, words and counts; by meaning as soon as its chunk is embedded.
 */
public final class LuceneInventoryIndex implements InventoryIndex {

  /** Words of questions that say nothing about which records are meant. */
  private static final List<String> QUESTION_WORDS = List.of("which", "what", "where", "who", "how", "we",
      "our", "us", "me", "my", "do", "does", "have", "has", "show", "list", "find", "get", "give", "tell",
      "running", "run", "related", "all", "any", "some", "current", "currently", "cluster", "exist", "exists",
      "there", "can", "you", "i", "please", "about", "status", "state", "instance", "instances", "installed",
      "use", "used", "using", "anything");
  private static final int RRF_K = 60;
  private static final int CANDIDATES = 100;
  private static final int QUESTIONS_CACHED = 1024;
  /**
   * HNSW with Lucene's 16 links per node but 50 candidates per insertion instead of 100: building
   * the graph is most of the index's own CPU, and at 20,000 real record vectors this cut it by a
   * sixth while the graph's top 100 still held 99.9 % of the exact top 100.
   */
  private static final KnnVectorsFormat VECTORS = new Lucene99HnswVectorsFormat(16, 50);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(LuceneInventoryIndex.class);
  /**
   * Records embedded behind per commit: each commit flushes a segment whose HNSW graph merges build
   * again, so fewer and larger ones cost less (50,000 records in one request took 1.46 ms of the
   * index's CPU each, in requests of 500 1.86 ms); search still sees progress every 10-20 s.
   */
  private static final int BEHIND_CHUNK = 4096;
  /** Marks a document held without its vector yet. */
  private static final Term PENDING = new Term("pending", "1");

  /** What the index knows of a record without reading it: enough to skip, reuse or count. */
  private record Entry(String contentHash, String textHash, String kind, String apiVersion, String namespace,
      boolean operator) {
  }

  private final Embedder embedder;
  private final RecentQuestions questions;
  private final Analyzer analyzer;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  /** Records per kind and per namespace, kept by the writer so that a question never counts them. */
  private final Map<String, Integer> kindCounts = new HashMap<>();
  private final Map<String, Integer> namespaceCounts = new HashMap<>();
  private volatile Map<String, Integer> kinds = Map.of();
  private volatile Set<String> namespaces = Set.of();
  private final Object writeLock = new Object();
  private final int embedBehindAbove;
  /** Ids held without a vector, oldest first (replicas stay next to each other and share a chunk); guarded by writeLock. */
  private final Set<String> pending = new LinkedHashSet<>();
  private volatile int pendingCount;
  private final ExecutorService behind = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "embedding-behind");
    thread.setDaemon(true);
    return thread;
  });
  /** Whether the embedding-behind loop is scheduled; guarded by writeLock. */
  private boolean behindRunning;
  private boolean closed;
  private volatile double keywordWeight = 1.0;
  private volatile double vectorWeight = 1.3;

  /** An index that embeds every request before answering it. */
  public LuceneInventoryIndex(Path path, Embedder embedder) {
    this(path, embedder, Integer.MAX_VALUE);
  }

  /** {@code embedBehindAbove}: a request with more new texts than this is answered before they are embedded. */
  public LuceneInventoryIndex(Path path, Embedder embedder, int embedBehindAbove) {
    this.embedder = embedder;
    this.embedBehindAbove = embedBehindAbove;
    this.questions = new RecentQuestions(embedder, QUESTIONS_CACHED);
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stop.addAll(QUESTION_WORDS);
    this.analyzer = new EnglishAnalyzer(stop);
    try {
      directory = FSDirectory.open(path);
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setCodec(new Lucene912Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return VECTORS;
        }
      }).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64));
      writer.commit();
      searchers = new SearcherManager(writer, null);
      loadEntries();
      synchronized (writeLock) {
        scheduleBehind();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + path, e);
    }
  }

  /** Relative weights of the BM25 and vector rankings in the fusion. */
  public void weights(double keyword, double vector) {
    keywordWeight = keyword;
    vectorWeight = vector;
  }

  /**
   * Whether a record of an index written before records were marked as operators' programs is one,
   * worked out from its stored source (false where even that is missing).
   */
  private static boolean olderOperator(StoredFields stored, int doc) throws IOException {
    String source = stored.document(doc, Set.of("source")).get("source");
    return source != null && OperatorWorkload.is(Resource.fromJson(JSON.readTree(source)));
  }

  private void loadEntries() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc doc : searcher.search(new MatchAllDocsQuery(), Math.max(1, searcher.getIndexReader().numDocs()))
          .scoreDocs) {
        Document d = stored.document(doc.doc, Set.of("id", "hash", "thash", "kind_stored", "namespace_stored",
            "operator_stored"));
        boolean operator = d.get("operator_stored") != null ? d.get("operator_stored").equals("1")
            : olderOperator(stored, doc.doc);
        // the id is namespace:apiVersion:kind:name, and an apiVersion holds no colon
        held(d.get("id"), new Entry(d.get("hash"), d.get("thash"), d.get("kind_stored"), d.get("id").split(":")[1],
            d.get("namespace_stored"), operator));
      }
      for (ScoreDoc doc : searcher.search(new TermQuery(PENDING), Math.max(1, searcher.getIndexReader().numDocs()))
          .scoreDocs) {
        pending.add(stored.document(doc.doc, Set.of("id")).get("id"));
      }
      pendingCount = pending.size();
      publishCounts();
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public SyncOutcome apply(SyncBatch batch) {
    synchronized (writeLock) {
      try {
        return applyLocked(batch);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private SyncOutcome applyLocked(SyncBatch batch) throws IOException {
    Map<String, Resource> upserts = new LinkedHashMap<>();
    batch.upserts().forEach(r -> upserts.put(r.id(), r));
    Map<String, Entry> updated = new HashMap<>();
    Map<String, float[]> vectors = new HashMap<>();
    Map<String, String> toEmbed = new LinkedHashMap<>();
    Map<String, String> texts = new HashMap<>();
    // An empty index holds no vector to reuse: a first sync skips a lookup per record.
    boolean anyHeld = !entries.isEmpty();
    for (Resource r : upserts.values()) {
      String text = ResourceText.forEmbedding(r);
      Entry entry = new Entry(hash(r.toJson().toString()), hash(text), r.kind(), r.apiVersion(), r.namespace(),
          OperatorWorkload.is(r));
      Entry known = entries.get(r.id());
      // Same content and same text: nothing to do. Same content but another text means the ranking's
      // text changed in an upgrade; the record is indexed again so old and new texts are not mixed.
      if (known != null && known.contentHash().equals(entry.contentHash())
          && known.textHash().equals(entry.textHash())) {
        continue;
      }
      updated.put(r.id(), entry);
      texts.put(r.id(), text);
      String textHash = entry.textHash();
      if (vectors.containsKey(textHash) || toEmbed.containsKey(textHash)) {
        continue;
      }
      float[] vector = known != null && known.textHash().equals(textHash) ? storedVector(new Term("id", r.id())) : null;
      if (vector == null && anyHeld) {
        vector = storedVector(new Term("thash_term", textHash));
      }
      if (vector != null) {
        vectors.put(textHash, vector);
      } else {
        toEmbed.put(textHash, text);
      }
    }
    boolean later = toEmbed.size() > embedBehindAbove;
    if (!later) {
      List<float[]> embedded = embedder.embed(new ArrayList<>(toEmbed.values()));
      int i = 0;
      for (String textHash : toEmbed.keySet()) {
        vectors.put(textHash, embedded.get(i++));
      }
    }
    for (Resource r : upserts.values()) {
      Entry entry = updated.get(r.id());
      if (entry != null) {
        float[] vector = vectors.get(entry.textHash());
        writer.updateDocument(new Term("id", r.id()), document(r, entry, vector, texts.get(r.id())));
        if (vector == null) {
          pending.add(r.id());
        } else {
          pending.remove(r.id());
        }
      }
    }
    Set<String> removed = new HashSet<>();
    if (batch.resync()) {
      if (!upserts.isEmpty()) {
        entries.keySet().stream().filter(id -> !upserts.containsKey(id)).forEach(removed::add);
      }
    } else {
      batch.deletes().stream().filter(id -> entries.containsKey(id) || updated.containsKey(id)).forEach(removed::add);
    }
    for (String id : removed) {
      writer.deleteDocuments(new Term("id", id));
      pending.remove(id);
    }
    writer.commit();
    updated.forEach(this::held);
    removed.forEach(this::forgotten);
    publishCounts();
    searchers.maybeRefreshBlocking();
    pendingCount = pending.size();
    scheduleBehind();
    return new SyncOutcome(upserts.size(), removed.size(), later ? 0 : toEmbed.size(), later ? toEmbed.size() : 0);
  }

  /** Starts the embedding-behind loop if records wait for vectors and it is not running; under writeLock. */
  private void scheduleBehind() {
    if (!pending.isEmpty() && !behindRunning && !closed) {
      behindRunning = true;
      behind.execute(this::embedBehind);
    }
  }

  /**
   * Embeds waiting records a chunk at a time: read under the lock, embedded outside it (syncs and
   * searches go on), and written under it only if the record is still the one that was read; a
   * record changed meanwhile was written again by its own request and waits for a later chunk.
   */
  private void embedBehind() {
    try {
      while (true) {
        List<Resource> chunk = new ArrayList<>();
        synchronized (writeLock) {
          if (closed || pending.isEmpty()) {
            behindRunning = false;
            return;
          }
          IndexSearcher searcher = searchers.acquire();
          try {
            StoredFields stored = searcher.storedFields();
            for (String id : pending) {
              ScoreDoc[] found = searcher.search(new TermQuery(new Term("id", id)), 1).scoreDocs;
              if (found.length > 0) {
                chunk.add(Resource.fromJson(JSON.readTree(stored.document(found[0].doc, Set.of("source")).get("source"))));
              }
              if (chunk.size() == BEHIND_CHUNK) {
                break;
              }
            }
          } finally {
            searchers.release(searcher);
          }
        }
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, String> toEmbed = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Resource r : chunk) {
          String text = ResourceText.forEmbedding(r);
          String textHash = hash(text);
          texts.put(r.id(), text);
          if (!vectors.containsKey(textHash) && !toEmbed.containsKey(textHash)) {
            float[] twin = storedVector(new Term("thash_term", textHash));
            if (twin != null) {
              vectors.put(textHash, twin);
            } else {
              toEmbed.put(textHash, text);
            }
          }
        }
        List<float[]> embedded = embedder.embed(new ArrayList<>(toEmbed.values()));
        int i = 0;
        for (String textHash : toEmbed.keySet()) {
          vectors.put(textHash, embedded.get(i++));
        }
        synchronized (writeLock) {
          if (closed) {
            return;
          }
          int written = 0;
          for (Resource r : chunk) {
            Entry entry = entries.get(r.id());
            if (entry != null && pending.contains(r.id()) && entry.contentHash().equals(hash(r.toJson().toString()))) {
              writer.updateDocument(new Term("id", r.id()), document(r, entry, vectors.get(entry.textHash()), texts.get(r.id())));
              pending.remove(r.id());
              written++;
            }
          }
          writer.commit();
          searchers.maybeRefreshBlocking();
          pendingCount = pending.size();
          LOG.info("event=embedded-behind records={} embedded={} waiting={}", written, toEmbed.size(), pending.size());
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (writeLock) {
        behindRunning = false;
        if (!closed) {
          // The records stay waiting; the next sync request, or a restart, starts the loop again.
          LOG.warn("event=embedding-behind-failed waiting={} error=\"{}\"", pending.size(), e.toString());
        }
      }
    }
  }

  @Override
  public int pending() {
    return pendingCount;
  }

  private void held(String id, Entry entry) {
    Entry old = entries.put(id, entry);
    if (old != null) {
      uncount(old);
    }
    kindCounts.merge(entry.kind(), 1, Integer::sum);
    namespaceCounts.merge(entry.namespace(), 1, Integer::sum);
  }

  private void forgotten(String id) {
    Entry old = entries.remove(id);
    if (old != null) {
      uncount(old);
    }
  }

  private void uncount(Entry entry) {
    kindCounts.computeIfPresent(entry.kind(), (k, n) -> n == 1 ? null : n - 1);
    namespaceCounts.computeIfPresent(entry.namespace(), (k, n) -> n == 1 ? null : n - 1);
  }

  private void publishCounts() {
    kinds = Collections.unmodifiableMap(new TreeMap<>(kindCounts));
    namespaces = Collections.unmodifiableSet(new TreeSet<>(namespaceCounts.keySet()));
  }

  /** {@code text} is the record's embedding text, built once per record (it is most of the text's cost). */
  private Document document(Resource r, Entry entry, float[] vector, String text) {
    Document doc = new Document();
    doc.add(new StringField("id", r.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField("id_sort", new BytesRef(r.id())));
    doc.add(new StringField("kind", r.kind(), Field.Store.NO));
    doc.add(new StoredField("kind_stored", r.kind()));
    doc.add(new StringField("namespace", r.namespace(), Field.Store.NO));
    doc.add(new StoredField("namespace_stored", r.namespace()));
    doc.add(new StoredField("operator_stored", entry.operator() ? "1" : "0"));
    doc.add(new StringField("apiVersion", r.apiVersion(), Field.Store.NO));
    r.labels().forEach((k, v) -> {
      doc.add(new StringField("label", k + "=" + v, Field.Store.NO));
      doc.add(new StringField("labelKey", k, Field.Store.NO));
    });
    doc.add(new TextField("text", ResourceText.forKeywords(r, text), Field.Store.NO));
    if (vector != null) {
      doc.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.COSINE));
    } else {
      doc.add(new StringField(PENDING.field(), PENDING.text(), Field.Store.NO));
    }
    doc.add(new StoredField("source", r.toJson().toString()));
    doc.add(new StoredField("hash", entry.contentHash()));
    doc.add(new StoredField("thash", entry.textHash()));
    // Indexed under its own name: "thash" was stored only in earlier indexes, and Lucene refuses to
    // index a field that an existing index holds as stored-only.
    doc.add(new StringField("thash_term", entry.textHash(), Field.Store.NO));
    return doc;
  }

  /**
   * A vector already indexed, for a record's id or for its embedding text's hash, read back instead
   * of embedding the same text again: a record whose timestamp alone changed, or another replica of
   * a workload whose text is the same.
   */
  private float[] storedVector(Term term) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Query withVector = new BooleanQuery.Builder().add(new TermQuery(term), Occur.FILTER)
          .add(new TermQuery(PENDING), Occur.MUST_NOT).build();
      ScoreDoc[] found = searcher.search(withVector, 1).scoreDocs;
      if (found.length == 0) {
        return null;
      }
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(found[0].doc, leaves));
      int local = found[0].doc - leaf.docBase;
      FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
      if (values == null || values.advance(local) != local) {
        return null;
      }
      return values.vectorValue().clone();
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<Hit> search(SearchQuery query) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searchWith(searcher, query);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Hit> searchWith(IndexSearcher searcher, SearchQuery query) throws IOException {
    Query filter = filterQuery(query.filters());
    Map<Integer, Double> fused = new HashMap<>();
    if (query.mode() != Mode.VECTOR) {
      Query words = new QueryBuilder(analyzer).createBooleanQuery("text", query.text(), Occur.SHOULD);
      if (words != null) {
        Query keyword = filter == null ? words
            : new BooleanQuery.Builder().add(words, Occur.MUST).add(filter, Occur.FILTER).build();
        fuse(fused, searcher.search(keyword, CANDIDATES).scoreDocs, keywordWeight);
      }
    }
    if (query.mode() != Mode.KEYWORD) {
      float[] vector = questions.vector(query.text());
      fuse(fused, searcher.search(new KnnFloatVectorQuery("vector", vector, CANDIDATES, filter), CANDIDATES)
          .scoreDocs, vectorWeight);
    }
    double best = (keywordWeight + vectorWeight) / (RRF_K + 1) * query.maxWeight();
    Map<Integer, Entry> held = heldEntries(searcher, fused.keySet());
    List<Map.Entry<Integer, Double>> scored = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : fused.entrySet()) {
      Entry entry = held.get(e.getKey());
      double weight = entry == null ? 1.0 : query.weight(entry.kind(), entry.apiVersion(), entry.namespace(),
          entry.operator());
      scored.add(Map.entry(e.getKey(), e.getValue() * weight / best));
    }
    // Only the records returned are read and parsed; the rest of the candidates need their kind and namespace only.
    StoredFields stored = searcher.storedFields();
    scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(query.limit() + 1, scored.size()); i++) {
      Document d = stored.document(scored.get(i).getKey(), Set.of("source"));
      hits.add(new Hit(Resource.fromJson(JSON.readTree(d.get("source"))), scored.get(i).getValue()));
    }
    hits.sort((a, b) -> Double.compare(b.score(), a.score()) != 0 ? Double.compare(b.score(), a.score())
        : a.resource().id().compareTo(b.resource().id()));
    return hits.size() > query.limit() ? List.copyOf(hits.subList(0, query.limit())) : hits;
  }

  /**
   * What is held of fused candidates (kind, namespace), by their id's doc value. Reading a stored
   * field instead decompresses a block of records per candidate, which for 200 candidates was
   * milliseconds of every query.
   */
  private Map<Integer, Entry> heldEntries(IndexSearcher searcher, Set<Integer> docs) throws IOException {
    List<Integer> ordered = new ArrayList<>(docs);
    Collections.sort(ordered);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, Entry> held = new HashMap<>();
    int current = -1;
    SortedDocValues ids = null;
    for (int doc : ordered) {
      int leaf = ReaderUtil.subIndex(doc, leaves);
      if (leaf != current) {
        current = leaf;
        ids = DocValues.getSorted(leaves.get(leaf).reader(), "id_sort");
      }
      if (ids.advanceExact(doc - leaves.get(leaf).docBase)) {
        Entry entry = entries.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
        if (entry != null) {
          held.put(doc, entry);
        }
      }
    }
    return held;
  }

  private static void fuse(Map<Integer, Double> fused, ScoreDoc[] ranked, double weight) {
    for (int rank = 0; rank < ranked.length; rank++) {
      fused.merge(ranked[rank].doc, weight / (RRF_K + rank + 1), Double::sum);
    }
  }

  private static Query filterQuery(Filters filters) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    if (!filters.kinds().isEmpty()) {
      BooleanQuery.Builder kinds = new BooleanQuery.Builder();
      filters.kinds().forEach(k -> kinds.add(new TermQuery(new Term("kind", k)), Occur.SHOULD));
      all.add(kinds.build(), Occur.FILTER);
      any = true;
    }
    if (filters.namespace() != null) {
      Query namespace = new TermQuery(new Term("namespace", filters.namespace()));
      if (filters.clusterScopedToo()) {
        namespace = new BooleanQuery.Builder().add(namespace, Occur.SHOULD)
            .add(new TermQuery(new Term("namespace", Resource.CLUSTER_SCOPE)), Occur.SHOULD).build();
      }
      all.add(namespace, Occur.FILTER);
      any = true;
    }
    if (filters.apiVersion() != null) {
      all.add(new TermQuery(new Term("apiVersion", filters.apiVersion())), Occur.FILTER);
      any = true;
    }
    for (Map.Entry<String, String> label : filters.labels().entrySet()) {
      all.add(label.getValue() == null || label.getValue().isEmpty()
          ? new TermQuery(new Term("labelKey", label.getKey()))
          : new TermQuery(new Term("label", label.getKey() + "=" + label.getValue())), Occur.FILTER);
      any = true;
    }
    return any ? all.build() : null;
  }

  @Override
  public List<Resource> find(Filters filters, int limit) {
    Query filter = filterQuery(filters);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        ScoreDoc[] docs = searcher.search(filter == null ? new MatchAllDocsQuery() : filter, Math.max(1, limit),
            new Sort(new SortField("id_sort", SortField.Type.STRING))).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<Resource> found = new ArrayList<>();
        for (ScoreDoc doc : docs) {
          found.add(Resource.fromJson(JSON.readTree(stored.document(doc.doc, Set.of("source")).get("source"))));
        }
        return found;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, Integer> kinds() {
    return kinds;
  }

  @Override
  public Set<String> namespaces() {
    return namespaces;
  }

  @Override
  public int size() {
    return entries.size();
  }

  /** Bytes the index takes on disk. */
  public long diskBytes() {
    long total = 0;
    try {
      for (String file : directory.listAll()) {
        total += directory.fileLength(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      closed = true;
    }
    behind.shutdownNow();
    try {
      if (!behind.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("event=embedding-behind-still-running");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (writeLock) {
      try {
        searchers.close();
        writer.close();
        directory.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
