package live.devopstoolkit.resourcesync.search.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX Runtime and DJL's tokenizer extract native libraries at first use: ONNX Runtime into a new
 * directory under {@code java.io.tmpdir} unless {@code onnxruntime.native.path} names a directory
 * that already holds them, DJL into {@code DJL_CACHE_DIR} (system property or environment,
 * default {@code ~/.djl.ai}). Under a read-only root filesystem both must point at a writable
 * volume, and this must happen before either library's classes initialise.
 */
public final class NativeLibraries {

  private NativeLibraries() {
  }

  /** Points both libraries at {@code directory} (created if needed) unless already configured. */
  public static void extractInto(Path directory) {
    try {
      Files.createDirectories(directory.resolve("djl"));
    } catch (IOException e) {
      throw new UncheckedIOException("native library directory " + directory + " is not writable", e);
    }
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", directory.resolve("djl").toString());
    }
    // DJL must never try the network for a tokenizer library: the jar ships it.
    System.setProperty("ai.djl.offline", "true");
    if (!Files.isWritable(Path.of(System.getProperty("java.io.tmpdir")))) {
      throw new IllegalStateException("java.io.tmpdir=" + System.getProperty("java.io.tmpdir")
          + " is not writable; ONNX Runtime extracts its library there (set -Djava.io.tmpdir)");
    }
  }
}
