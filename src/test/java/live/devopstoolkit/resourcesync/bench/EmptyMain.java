package live.devopstoolkit.resourcesync.bench;

/** Does nothing: the benchmark times a JVM's start and exit with it, the JVM part of the floor. */
public final class EmptyMain {

  private EmptyMain() {
  }

  public static void main(String[] args) {
    // Nothing to do: the time to get here and exit is what is measured.
  }
}
