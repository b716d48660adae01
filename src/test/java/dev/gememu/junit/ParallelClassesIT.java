package dev.gememu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.genai.Client;
import dev.gememu.Gememu;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two test classes whose fixtures conflict (same name, same match, different answers) run at the
 * same time against one shared gememu, and each sees its own.
 */
class ParallelClassesIT {
  /** Each class waits here for the other, so the run fails unless both are in flight at once. */
  static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);

  @Test
  void twoClassesWithConflictingFixturesRunInParallelAndEachSeesItsOwn() {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(ClassA.class), selectClass(ClassB.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    LauncherFactory.create().execute(request, listener);

    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertThat(summary.getTestsSucceededCount()).as(failures.toString()).isEqualTo(2);
  }

  static void askWhoAndExpect(Client client, Gememu gememu, String expected) throws InterruptedException {
    BOTH_RUNNING.countDown();
    assertThat(BOTH_RUNNING.await(120, TimeUnit.SECONDS)).as("the other class is running too").isTrue();

    assertThat(client.models.generateContent("gemini-2.5-flash", "who are you?", null).text()).isEqualTo(expected);
    assertThat(gememu.requests().single().reply()).contains("who");
  }

  @GememuTest(fixtures = "gememu-parallel/a.yaml", lifecycle = GememuTest.Lifecycle.SHARED)
  static class ClassA {
    @Test
    void seesItsOwnFixture(Client client, Gememu gememu) throws InterruptedException {
      askWhoAndExpect(client, gememu, "I am class A.");
    }
  }

  @GememuTest(fixtures = "gememu-parallel/b.yaml", lifecycle = GememuTest.Lifecycle.SHARED)
  static class ClassB {
    @Test
    void seesItsOwnFixture(Client client, Gememu gememu) throws InterruptedException {
      askWhoAndExpect(client, gememu, "I am class B.");
    }
  }
}
