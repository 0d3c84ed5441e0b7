package id.formasi.solver.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents tell the truth about how to run things: every shell command in README.md and docs/*.md is run
 * by .ci/docs-commands as written (a line of the script holds it, perhaps with a redirection, a pipe to a check,
 * or in the background), or is on the list below of commands that run elsewhere, with the reason; and no file
 * cites a document that is not in the repository. Of a command continued over several lines, its first line counts.
 */
class DocumentedCommandsTest {

    /** Commands that .ci/docs-commands does not run, each with where it runs instead, or why it cannot. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "./mvnw -B -ntp test", "the test suite itself: .ci/run runs it before the documented commands",
            "B=http://localhost:8080", "the script starts the runtime on a free port and sets B to it",
            "sam build", "needs the AWS SAM CLI; TemplateTest and cfn-lint (in .ci/run where installed) hold template.yaml",
            "sam deploy --guided", "needs an AWS account",
            "./formasi import data/ --snapshot-id kota-2027 --tenant 6471 --as-of 21/10/2026 --planning-date 01/01/2027 --out snapshot.json",
            "needs a folder of the agency's own CSV files; the import tests read such folders and zips");

    /** Shell blocks that run only against a live deployment or a running runtime, by file and first line. */
    private static final Map<String, String> LIVE_BLOCKS = Map.of(
            "docs/deploy.md: R=ap-southeast-3", "creates Cognito users in an AWS account",
            "docs/deploy.md: TOKEN=$(curl -s -XPOST \"https://formasi-bkpsdm-example.auth.$R.amazoncognito.com/oauth2/token\" \\",
            "signs in at a deployed Cognito pool",
            "docs/deploy.md: API=$(aws cloudformation describe-stacks --stack-name formasi --query \"Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue\" --output text)",
            "makes a deployed stack's page the Cognito client's callback",
            "docs/deploy.md: BUCKET=$(aws cloudformation describe-stacks --stack-name formasi --query \"Stacks[0].Outputs[?OutputKey=='DataBucketName'].OutputValue\" --output text)",
            "uploads to a deployed stack",
            "docs/deploy.md: FILE=export-2026-10-22.json", "uploads through a deployed stack's presigned URL",
            "docs/deploy.md: TOPIC=$(aws sns create-topic --name formasi-alarms --query TopicArn --output text)",
            "makes an SNS topic in an AWS account",
            "docs/deploy.md: aws sqs receive-message --queue-url \"$EVENTS_DLQ_URL\" --max-number-of-messages 10   # what was lost",
            "reads a deployed stack's dead-letter queue",
            "docs/deploy.md: aws dynamodb update-table --table-name \"$TABLE\" --no-deletion-protection-enabled",
            "deletes a deployed stack's data");

    private static final Path ROOT = root();
    /** The source material beside the repository, spelt in parts so that this file does not cite it. */
    private static final String OUTSIDE = String.join("/", "..", "shared", "docs");

    @Test
    void everyDocumentedCommandRunsInCiOrElsewhereForAStatedReason() throws IOException {
        List<String> script = Files.readAllLines(ROOT.resolve(".ci/docs-commands")).stream().map(String::trim)
                .filter(line -> !line.startsWith("#")).toList();
        List<String> unexercised = new ArrayList<>();
        Set<String> liveSeen = new TreeSet<>();
        for (Path document : documents()) {
            String name = ROOT.relativize(document).toString();
            for (List<String> block : shellBlocks(Files.readAllLines(document))) {
                String first = name + ": " + block.get(0);
                if (LIVE_BLOCKS.containsKey(first)) {
                    liveSeen.add(first);
                    continue;
                }
                for (String command : block) {
                    if (script.stream().noneMatch(line -> line.contains(command))
                            && !ELSEWHERE.containsKey(command.replaceFirst("\\s+#.*$", ""))) {
                        unexercised.add(name + ": " + command);
                    }
                }
            }
        }
        assertEquals(List.of(), unexercised, "commands that neither .ci/docs-commands nor the list above covers");
        assertEquals(new TreeSet<>(LIVE_BLOCKS.keySet()), liveSeen, "listed blocks that the documents no longer have");
    }

    @Test
    void noFileCitesADocumentThatIsNotInTheRepository() throws IOException {
        Set<String> documents = new TreeSet<>();
        Pattern citation = Pattern.compile("[A-Za-z0-9_-]+\\.md\\b");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = sources()) {
            List<Path> all = files.toList();
            all.stream().filter(file -> file.toString().endsWith(".md")).forEach(file -> documents.add(file.getFileName().toString()));
            for (Path file : all) {
                String text = Files.readString(file);
                Matcher matcher = citation.matcher(text);
                while (matcher.find()) {
                    if (!documents.contains(matcher.group())) {
                        missing.add(ROOT.relativize(file) + " cites " + matcher.group());
                    }
                }
                if (text.contains(OUTSIDE)) {
                    missing.add(ROOT.relativize(file) + " cites a folder outside the repository");
                }
            }
        }
        assertTrue(documents.containsAll(List.of("snapshot-format.md", "domain.md", "architecture.md")), documents.toString());
        assertEquals(List.of(), missing);
    }

    /** The commands of each ```sh block: one per line, continuation lines joined to theirs, comments left out. */
    static List<List<String>> shellBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            if (block == null && line.trim().equals("```sh")) {
                block = new ArrayList<>();
            } else if (block != null && line.trim().equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null && !line.isBlank() && !line.trim().startsWith("#")) {
                if (pending.isEmpty()) {
                    block.add(line.trim());
                }
                pending.setLength(0);
                if (line.endsWith("\\")) {
                    pending.append(line);
                }
            }
        }
        return blocks;
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The repository's own text files: sources, documents, settings; not build output, data or dependencies. */
    private static Stream<Path> sources() throws IOException {
        Set<String> skipped = Set.of(".git", "target", "node_modules", "data", ".mvn", "samples");
        Set<String> text = Set.of("java", "md", "yaml", "yml", "json", "xml", "js", "mjs", "html", "css", "sh", "toml", "properties");
        return Files.walk(ROOT)
                .filter(file -> ROOT.relativize(file).toString().isEmpty()
                        || Stream.of(ROOT.relativize(file).toString().split("/")).noneMatch(skipped::contains))
                .filter(Files::isRegularFile)
                .filter(file -> {
                    String name = file.getFileName().toString();
                    return text.contains(name.substring(name.lastIndexOf('.') + 1)) || name.equals("run") || name.equals("formasi");
                });
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".ci/docs-commands"))) {
                return dir;
            }
        }
        throw new IllegalStateException(".ci/docs-commands not found above " + Path.of("").toAbsolutePath());
    }
}
