package id.formasi.solver.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.score.SimpleScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Timefold 2.2 needs of the planning classes, and that ours give exactly that in one style. Timefold
 * reads the entity collection, the planning variable and the score only through a public JavaBean getter
 * (a record-style accessor beside a private field is rejected), so the planning classes use JavaBean
 * accessors for all their state.
 */
class PlanningClassesTest {

    @Test
    void timefoldRejectsARecordStyleAccessorForTheEntityCollection() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(RecordStyleSolution.class, BeanEntity.class));
        assertTrue(e.getMessage().contains("@PlanningEntityCollectionProperty annotated field (entities)"), e.getMessage());
        assertTrue(e.getMessage().contains("does not have a public getter"), e.getMessage());
    }

    @Test
    void timefoldRejectsARecordStyleAccessorForThePlanningVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(BeanSolution.class, RecordStyleEntity.class));
        assertTrue(e.getMessage().contains("@PlanningVariable annotated field (value)"), e.getMessage());
    }

    @Test
    void timefoldAcceptsJavaBeanAccessors() {
        build(BeanSolution.class, BeanEntity.class);
    }

    @Test
    void everyFieldOfThePlanningClassesHasAJavaBeanGetterAndNoRecordStyleTwin() {
        for (Class<?> type : List.of(Placement.class, Post.class, StaffingPlan.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                String name = field.getName();
                String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                String getter = (field.getType() == boolean.class ? "is" : "get") + suffix;
                assertEquals(field.getType(), publicMethod(type, getter).getReturnType(), type.getSimpleName() + "." + getter);
                assertTrue(publicMethod(type, name) == null, type.getSimpleName() + "." + name + "() beside " + getter);
            }
        }
    }

    private static Method publicMethod(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 0) {
                return method;
            }
        }
        return null;
    }

    private static void build(Class<?> solution, Class<?> entity) {
        SolverFactory.create(new SolverConfig()
                .withSolutionClass(solution)
                .withEntityClasses(entity)
                .withConstraintProviderClass(NoConstraints.class)).buildSolver();
    }

    public static class NoConstraints implements ConstraintProvider {
        @Override
        public Constraint[] defineConstraints(ConstraintFactory factory) {
            return new Constraint[0];
        }
    }

    @PlanningEntity
    public static class BeanEntity {
        @PlanningVariable
        private Integer value;

        public Integer getValue() {
            return value;
        }

        public void setValue(Integer value) {
            this.value = value;
        }
    }

    @PlanningEntity
    public static class RecordStyleEntity {
        @PlanningVariable
        private Integer value;

        public Integer value() {
            return value;
        }
    }

    @PlanningSolution
    public static class BeanSolution {
        @ValueRangeProvider
        @ProblemFactCollectionProperty
        public List<Integer> values = List.of(1, 2);
        @PlanningScore
        public SimpleScore score;
        @PlanningEntityCollectionProperty
        private List<Object> entities = new ArrayList<>();

        public List<Object> getEntities() {
            return entities;
        }
    }

    /** Public fields need no accessor at all; only the entity collection has a record-style one. */
    @PlanningSolution
    public static class RecordStyleSolution {
        @PlanningEntityCollectionProperty
        private List<Object> entities = new ArrayList<>();
        @PlanningScore
        public SimpleScore score;
        @ValueRangeProvider
        @ProblemFactCollectionProperty
        public List<Integer> values = List.of(1, 2);

        public List<Object> entities() {
            return entities;
        }
    }
}
