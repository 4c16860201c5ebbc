package dev.bouncekit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the receiver of {@link FakeReceiverExtension} the rules of a scenario file, the YAML (or
 * JSON) that {@code bouncekit serve --scenario} and {@code PUT /api/rules} take. On a class it
 * applies to every test (also in {@code @Nested} classes); on a method it adds to the class-level
 * rules for that test only, and is tried first.
 *
 * <pre>{@code
 * @Scenario("classpath:bounces.yaml")          // src/test/resources/bounces.yaml
 * @Scenario("src/test/scenarios/greylist.yaml") // a file, relative to the working directory
 * }</pre>
 *
 * Scenario files are read by {@code dev.bouncekit:bouncekit-server}: add it as a test dependency
 * beside {@code bouncekit-junit} to use this annotation.
 *
 * <p>A scenario that is missing or invalid fails the test with a message naming the file, the rule
 * and the field, and the method or class that declared it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Scenario {

    /** {@code classpath:NAME} for a resource of the test's class path, else the path of a file. */
    String value();
}
