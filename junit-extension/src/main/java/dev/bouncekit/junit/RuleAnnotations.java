package dev.bouncekit.junit;

import dev.bouncekit.junit.internal.RuleFactory;
import dev.bouncekit.junit.internal.ScenarioFile;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reply rules that {@link RejectRecipient}, {@link RejectSender}, {@link Greylist} and
 * {@link Scenario} stand for, for test support other than {@link FakeReceiverExtension} (such as
 * bouncekit's Spring test support), so that an annotation means the same rule everywhere.
 */
public final class RuleAnnotations {

    private RuleAnnotations() {
    }

    /**
     * The rules declared on one method or class, in the order {@link FakeReceiverExtension} tries
     * them: {@link RejectRecipient}s, {@link RejectSender}s, {@link Greylist}s (each in declaration
     * order), then the rules of its {@link Scenario}; found as JUnit finds them, also on
     * composed annotations and interfaces. A class's rules come before those it inherits from its
     * superclass (and these before the superclass's superclass's), so that a subclass's rule for an
     * address answers first, as a method's does before its class's.
     *
     * @throws IllegalArgumentException when a reply id, pattern or count is not valid, or the scenario
     *                                  is missing or invalid; the message names the annotation and
     *                                  the method or class that declares it
     */
    public static List<ReplyRule> declaredOn(AnnotatedElement element) {
        if (element instanceof Class<?> type && type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            List<ReplyRule> rules = new ArrayList<>(declaredOnly(type, type.getSuperclass()));
            rules.addAll(declaredOn(type.getSuperclass()));
            return rules;
        }
        return declaredOnly(element, null);
    }

    /** The rules of {@code element} less those it inherits from {@code superclass} (or null). */
    private static List<ReplyRule> declaredOnly(AnnotatedElement element, Class<?> superclass) {
        String where = element instanceof Method m ? m.getDeclaringClass().getName() + "." + m.getName() + "()"
                : element instanceof Class<?> c ? c.getName() : String.valueOf(element);
        List<ReplyRule> rules = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        for (RejectRecipient a : own(element, superclass, RejectRecipient.class)) {
            rules.add(describing(a, where, () -> rule(a)));
            annotations.add(a);
        }
        for (RejectSender a : own(element, superclass, RejectSender.class)) {
            rules.add(describing(a, where, () -> rule(a)));
            annotations.add(a);
        }
        for (Greylist a : own(element, superclass, Greylist.class)) {
            rules.add(describing(a, where, () -> rule(a)));
            annotations.add(a);
        }
        refuseShadowed(rules, annotations, where);
        Optional<Scenario> scenario = AnnotationSupport.findAnnotation(element, Scenario.class);
        if (scenario.isPresent() && (superclass == null
                || !scenario.equals(AnnotationSupport.findAnnotation(superclass, Scenario.class)))) {
            rules.addAll(describing(scenario.get(), where, () -> scenario(scenario.get().value(), loaderOf(element))));
        }
        return rules;
    }

    /** The repeatable annotations found on {@code element} less those found on {@code superclass}. */
    private static <A extends Annotation> List<A> own(AnnotatedElement element, Class<?> superclass, Class<A> type) {
        List<A> found = new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(element, type));
        if (superclass != null) {
            for (A inherited : AnnotationSupport.findRepeatableAnnotations(superclass, type)) {
                found.remove(inherited);
            }
        }
        return found;
    }

    /**
     * The rule of one {@link RejectRecipient}.
     *
     * @throws IllegalArgumentException when its reply id, pattern or count is not valid
     */
    public static ReplyRule rule(RejectRecipient annotation) {
        return RuleFactory.rejectRecipient(annotation.value(), annotation.reply(), annotation.times());
    }

    /**
     * The rule of one {@link RejectSender}.
     *
     * @throws IllegalArgumentException when its reply id, pattern or count is not valid
     */
    public static ReplyRule rule(RejectSender annotation) {
        return RuleFactory.rejectSender(annotation.value(), annotation.reply(), annotation.times());
    }

    /**
     * The rule of one {@link Greylist}.
     *
     * @throws IllegalArgumentException when its reply is not a 4xx, or its pattern or count is not valid
     */
    public static ReplyRule rule(Greylist annotation) {
        return RuleFactory.greylist(annotation.recipient(), annotation.reply(), annotation.times());
    }

    /**
     * The rules of a scenario file, as {@link Scenario} reads them: {@code classpath:NAME} is a
     * resource found by {@code loader}, anything else the path of a file. Needs
     * {@code dev.bouncekit:bouncekit-server} on the class path.
     *
     * @throws IllegalArgumentException when it is missing or invalid (naming the file, rule and field),
     *                                  or bouncekit-server is not on the class path
     */
    public static List<ReplyRule> scenario(String location, ClassLoader loader) {
        return ScenarioFile.rules(location, loader);
    }

    /**
     * Whether {@link #scenario(String, ClassLoader)} can read scenario files here: whether
     * {@code dev.bouncekit:bouncekit-server}, which reads them, is on the class path. Test support
     * with a scenario setting of its own asks first, so that its error names its own setting.
     */
    public static boolean canReadScenarios() {
        return ScenarioFile.readable();
    }

    /**
     * Refuses a rule that an earlier one of the same element always answers first: its address is
     * the same, or one the earlier glob matches, at the same or a later stage. It would be installed
     * and never answer, and the test fail on the reply it expected.
     */
    private static void refuseShadowed(List<ReplyRule> rules, List<Annotation> annotations, String where) {
        for (int later = 1; later < rules.size(); later++) {
            ReplyRule rule = rules.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                ReplyRule first = rules.get(earlier);
                if (first.times() == 0 && shadows(first, rule)) {
                    throw new IllegalArgumentException(annotations.get(later) + " on " + where + ": never answers: the earlier "
                            + shortly(annotations.get(earlier)) + " on it answers the same "
                            + rule.condition().subject().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + " first, every time; give the earlier one times = N, or remove one");
                }
            }
        }
    }

    private static boolean shadows(ReplyRule first, ReplyRule rule) {
        if (first.condition().subject() != rule.condition().subject() || first.stage().compareTo(rule.stage()) > 0) {
            return false;
        }
        String pattern = rule.condition().pattern().toLowerCase(Locale.ROOT);
        return pattern.contains("*") ? first.condition().pattern().equalsIgnoreCase(pattern) || first.condition().pattern().equals("*")
                : first.condition().matchesValue(pattern);
    }

    private static String shortly(Annotation annotation) {
        if (annotation instanceof RejectRecipient a) {
            return "@RejectRecipient(value = \"" + a.value() + "\", reply = \"" + a.reply() + "\")";
        }
        if (annotation instanceof RejectSender a) {
            return "@RejectSender(value = \"" + a.value() + "\", reply = \"" + a.reply() + "\")";
        }
        Greylist a = (Greylist) annotation;
        return "@Greylist(recipient = \"" + a.recipient() + "\", reply = \"" + a.reply() + "\")";
    }

    private static ClassLoader loaderOf(AnnotatedElement element) {
        Class<?> type = element instanceof Method m ? m.getDeclaringClass()
                : element instanceof Class<?> c ? c : RuleAnnotations.class;
        return type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    }

    private static <T> T describing(Annotation annotation, String where, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(annotation + " on " + where + ": " + e.getMessage(), e);
        }
    }
}
