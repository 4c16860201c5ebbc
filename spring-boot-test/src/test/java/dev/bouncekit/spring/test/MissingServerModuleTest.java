package dev.bouncekit.spring.test;

import dev.bouncekit.spring.test.fixtures.RunByTestKitOnly;
import dev.bouncekit.spring.test.fixtures.ScenarioWithoutServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** {@code @AutoConfigureFakeReceiver(scenario = ...)} in a project without bouncekit-server, which reads scenario files. */
class MissingServerModuleTest {

    @Test
    void a_scenario_names_the_annotation_the_test_class_and_the_dependency_to_add() throws Exception {
        try (WithoutServerModule loader = WithoutServerModule.create()) {
            assertThatThrownBy(() -> loader.loadClass("dev.bouncekit.server.scenario.Scenario"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> fixture = loader.loadClass(ScenarioWithoutServerFixture.class.getName());
            assertThat(fixture.getClassLoader()).isSameAs(loader);

            EngineExecutionResults results = run(fixture, loader);

            results.testEvents().assertThatEvents().haveExactly(1, event(test("never_runs"),
                    finishedWithFailure(message("@AutoConfigureFakeReceiver(scenario = \"classpath:bounces.yaml\") on "
                            + ScenarioWithoutServerFixture.class.getName() + " needs dev.bouncekit:bouncekit-server on the"
                            + " test class path (it reads scenario files): add it as a dependency with <scope>test</scope>"
                            + " beside bouncekit-spring-boot-test"))));
        }
    }

    /** Runs the fixture with the loader as the context class loader, which Spring and Boot also load from. */
    private static EngineExecutionResults run(Class<?> fixture, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                    .selectors(DiscoverySelectors.selectClass(fixture))
                    .execute();
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
