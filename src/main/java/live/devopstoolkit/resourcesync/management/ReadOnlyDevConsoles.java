package live.devopstoolkit.resourcesync.management;

import java.util.Set;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.console.DefaultDevConsoleRegistry;

/**
 * The developer console's registry, holding only consoles that can neither act nor reveal
 * configuration. Camel ships consoles that send messages, consume from endpoints, evaluate
 * expressions, start and stop routes, or print properties and beans; with the controller's
 * cluster-wide read identity any of them would hand that identity to whoever reaches the port. The
 * management server lists and serves only what is registered here, so refusing registration is
 * enough, whether a console comes from the classpath scan or is resolved by id later.
 */
public class ReadOnlyDevConsoles extends DefaultDevConsoleRegistry {

  /** Statistics and JVM state only; none of these take an action option or print settings. */
  static final Set<String> ALLOWED = Set.of("context", "health", "top", "consumer", "memory", "gc", "thread");

  @Override
  public boolean register(DevConsole console) {
    return ALLOWED.contains(console.getId()) && super.register(console);
  }
}
