package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.infra.PlanStore;
import id.formasi.solver.Planning;
import id.formasi.solver.plan.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The solver's front door holds: the compiled classes of {@code functions} and {@code infra} refer to no
 * solver class but {@link Planning} and its result records, the snapshot records and the plan document.
 * Read from the class files themselves (every class, field and method type a class refers to is named in
 * its constant pool), so a fully qualified name in the source cannot slip past.
 */
class SolverBoundaryTest {

    /** A solver class as a class file names it: {@code id/formasi/solver/plan/PlanDocument$Move}. */
    private static final Pattern SOLVER_CLASS = Pattern.compile("id/formasi/solver/[A-Za-z0-9_/$]+");

    private static final List<Pattern> ALLOWED = List.of(
            // The front door's own package, but not the Planner behind it.
            Pattern.compile("id/formasi/solver/(?!Planner\\b)[A-Za-z0-9_$]+"),
            Pattern.compile("id/formasi/solver/snapshot/[A-Za-z0-9_$]+"),
            Pattern.compile("id/formasi/solver/plan/(PlanDocument|PlanStatus|Text)(\\$[A-Za-z0-9_$]+)?"),
            // The spreadsheet import and export: bytes to a snapshot and back, no model behind them.
            Pattern.compile("id/formasi/solver/sheets/(SheetImport|ImportError|ImportException|SheetsWriter"
                    + "|DecreeWorkbook)(\\$[A-Za-z0-9_$]+)?"));

    @Test
    void functionsAndInfraUseOnlyTheFrontDoorTheSnapshotAndThePlanDocument() {
        Map<String, Set<String>> functions = solverReferences(location(FormasiApplication.class));
        Map<String, Set<String>> infra = solverReferences(location(PlanStore.class));
        // The scan sees what it should: both modules use the solver through the allowed classes.
        assertThat(functions).containsKey("id/formasi/functions/planning/SolveService.class");
        assertThat(functions.get("id/formasi/functions/planning/SolveService.class")).contains("id/formasi/solver/Planning");
        assertThat(infra.values().stream().flatMap(Set::stream)).contains("id/formasi/solver/plan/PlanDocument");

        assertThat(forbidden(functions)).as("functions' classes and the solver internals they use").isEmpty();
        assertThat(forbidden(infra)).as("infra's classes and the solver internals they use").isEmpty();
    }

    @Test
    void theScanFindsAnInternalWhereOneIsUsed() {
        // The plan documents' builder uses the model, the rules and the exact core: it must be flagged.
        Map<String, Set<String>> solver = solverReferences(location(Plans.class));
        Map<String, Set<String>> flagged = forbidden(solver);
        assertThat(flagged).containsKey("id/formasi/solver/plan/Plans.class");
        assertThat(flagged.get("id/formasi/solver/plan/Plans.class"))
                .contains("id/formasi/solver/domain/Placement", "id/formasi/solver/exact/CoreLevels",
                        "id/formasi/solver/rules/Problem", "id/formasi/solver/Planner")
                .doesNotContain("id/formasi/solver/plan/PlanDocument$Move", "id/formasi/solver/snapshot/FacilityStatus");
        assertThat(solver.get("id/formasi/solver/plan/Plans.class")).contains("id/formasi/solver/plan/PlanDocument$Move");
    }

    private static Map<String, Set<String>> forbidden(Map<String, Set<String>> references) {
        Map<String, Set<String>> flagged = new TreeMap<>();
        references.forEach((owner, used) -> used.stream()
                .filter(name -> ALLOWED.stream().noneMatch(allowed -> allowed.matcher(name).matches()))
                .forEach(name -> flagged.computeIfAbsent(owner, key -> new TreeSet<>()).add(name)));
        return flagged;
    }

    /** For each class file of a classes folder or jar, the solver classes it names. */
    private static Map<String, Set<String>> solverReferences(Path location) {
        Map<String, Set<String>> references = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        references.put(location.relativize(file).toString().replace('\\', '/'),
                                names(Files.readAllBytes(file)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (var entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            references.put(entry.getName(), names(in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(references).as("class files under " + location).isNotEmpty();
        return references;
    }

    /**
     * The solver classes named in a class file. Class names, descriptors and generic signatures are ASCII
     * constants of its pool, so they read as they are in the raw bytes.
     */
    private static Set<String> names(byte[] classFile) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SOLVER_CLASS.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
