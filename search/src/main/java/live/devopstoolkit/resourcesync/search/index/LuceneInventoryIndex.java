package live.devopstoolkit.resourcesync.search.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import live.devopstoolkit.resourcesync.search.embedding.Embedder;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.inventory.SyncOutcome;
import live.devopstoolkit.resourcesync.search.ranking.ResourceText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
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

/**
 * The inventory in one Lucene index on disk: per record an HNSW vector of its embedding text, a
 * BM25 text field, exact kind, namespace, apiVersion and label terms, and the record itself. Each
 * sync request is one commit, so a restart reopens what was acknowledged without embedding again.
 * A record is embedded again only when its embedding text changed; a changed timestamp alone keeps
 * the stored vector. Rankings are fused by reciprocal rank, which needs no score calibration
 * between BM25 and cosine similarity.
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
  private static final int EMBED_CHUNK = 128;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the index knows of a record without reading it: enough to skip, reuse or count. */
  private record Entry(String contentHash, String textHash, String kind, String namespace) {
  }

  private final Embedder embedder;
  private final Analyzer analyzer;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Object writeLock = new Object();
  private volatile double keywordWeight = 1.0;
  private volatile double vectorWeight = 1.3;

  public LuceneInventoryIndex(Path path, Embedder embedder) {
    this.embedder = embedder;
    CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    stop.addAll(QUESTION_WORDS);
    this.analyzer = new EnglishAnalyzer(stop);
    try {
      directory = FSDirectory.open(path);
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64));
      writer.commit();
      searchers = new SearcherManager(writer, null);
      loadEntries();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + path, e);
    }
  }

  /** Relative weights of the BM25 and vector rankings in the fusion. */
  public void weights(double keyword, double vector) {
    keywordWeight = keyword;
    vectorWeight = vector;
  }

  private void loadEntries() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc doc : searcher.search(new MatchAllDocsQuery(), Math.max(1, searcher.getIndexReader().numDocs()))
          .scoreDocs) {
        Document d = stored.document(doc.doc, Set.of("id", "hash", "thash", "kind_stored", "namespace_stored"));
        entries.put(d.get("id"), new Entry(d.get("hash"), d.get("thash"), d.get("kind_stored"),
            d.get("namespace_stored")));
      }
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
    List<Resource> toEmbed = new ArrayList<>();
    List<String> embedTexts = new ArrayList<>();
    Map<String, float[]> reused = new HashMap<>();
    for (Resource r : upserts.values()) {
      String text = ResourceText.forEmbedding(r);
      Entry entry = new Entry(hash(r.toJson().toString()), hash(text), r.kind(), r.namespace());
      Entry known = entries.get(r.id());
      // Same content and same text: nothing to do. Same content but another text means the ranking's
      // text changed in an upgrade; the record is indexed again so old and new texts are not mixed.
      if (known != null && known.contentHash().equals(entry.contentHash())
          && known.textHash().equals(entry.textHash())) {
        continue;
      }
      float[] vector = known != null && known.textHash().equals(entry.textHash()) ? storedVector(r.id()) : null;
      if (vector != null) {
        reused.put(r.id(), vector);
      } else {
        toEmbed.add(r);
        embedTexts.add(text);
      }
      updated.put(r.id(), entry);
    }
    for (int from = 0; from < toEmbed.size(); from += EMBED_CHUNK) {
      int to = Math.min(toEmbed.size(), from + EMBED_CHUNK);
      List<float[]> vectors = embedder.embed(embedTexts.subList(from, to));
      for (int i = from; i < to; i++) {
        reused.put(toEmbed.get(i).id(), vectors.get(i - from));
      }
    }
    for (Resource r : upserts.values()) {
      if (updated.containsKey(r.id())) {
        writer.updateDocument(new Term("id", r.id()), document(r, updated.get(r.id()), reused.get(r.id())));
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
    }
    writer.commit();
    searchers.maybeRefreshBlocking();
    entries.putAll(updated);
    removed.forEach(entries::remove);
    return new SyncOutcome(upserts.size(), removed.size(), toEmbed.size());
  }

  private Document document(Resource r, Entry entry, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField("id", r.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField("id_sort", new BytesRef(r.id())));
    doc.add(new StringField("kind", r.kind(), Field.Store.NO));
    doc.add(new StoredField("kind_stored", r.kind()));
    doc.add(new StringField("namespace", r.namespace(), Field.Store.NO));
    doc.add(new StoredField("namespace_stored", r.namespace()));
    doc.add(new StringField("apiVersion", r.apiVersion(), Field.Store.NO));
    r.labels().forEach((k, v) -> {
      doc.add(new StringField("label", k + "=" + v, Field.Store.NO));
      doc.add(new StringField("labelKey", k, Field.Store.NO));
    });
    doc.add(new TextField("text", ResourceText.forKeywords(r), Field.Store.NO));
    doc.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.COSINE));
    doc.add(new StoredField("source", r.toJson().toString()));
    doc.add(new StoredField("hash", entry.contentHash()));
    doc.add(new StoredField("thash", entry.textHash()));
    return doc;
  }

  /** The vector already indexed for a record, read back instead of embedding the same text again. */
  private float[] storedVector(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] found = searcher.search(new TermQuery(new Term("id", id)), 1).scoreDocs;
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
      float[] vector = embedder.embed(query.text());
      fuse(fused, searcher.search(new KnnFloatVectorQuery("vector", vector, CANDIDATES, filter), CANDIDATES)
          .scoreDocs, vectorWeight);
    }
    double best = (keywordWeight + vectorWeight) / (RRF_K + 1) * query.maxWeight();
    StoredFields stored = searcher.storedFields();
    List<Map.Entry<Integer, Double>> scored = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : fused.entrySet()) {
      Document d = stored.document(e.getKey(), Set.of("kind_stored", "namespace_stored"));
      scored.add(Map.entry(e.getKey(),
          e.getValue() * query.weight(d.get("kind_stored"), d.get("namespace_stored")) / best));
    }
    // Only the records returned are read and parsed; the rest of the candidates need their kind and namespace only.
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
      all.add(new TermQuery(new Term("namespace", filters.namespace())), Occur.FILTER);
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
    Map<String, Integer> counts = new TreeMap<>();
    entries.values().forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
    return counts;
  }

  @Override
  public Set<String> namespaces() {
    Set<String> namespaces = new TreeSet<>();
    entries.values().forEach(e -> namespaces.add(e.namespace()));
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
