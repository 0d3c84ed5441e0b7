package id.formasi.functions;

import static org.assertj.core.api.Assertions.assertThat;

import id.formasi.functions.api.Access;
import id.formasi.functions.api.Role;
import id.formasi.functions.api.Route;
import id.formasi.functions.api.Routes;
import id.formasi.infra.SnapshotStore;
import id.formasi.infra.aws.Table;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Holds template.yaml against the code, at the level of {@code sam validate} and beyond: the functions are
 * the beans, the HttpApi events are the route table with the authorizer where {@code Access} asks a token, every setting the code needs is
 * set, every function is granted exactly what its adapters call ({@link AwsPermissions}), and the table,
 * queue, bucket and rule are as the adapters expect them.
 */
class TemplateTest {

    private static Map<String, Object> template;
    private static Map<String, Object> resources;
    private static Map<String, Object> globals;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(repositoryFile("template.yaml"))) {
            template = new Yaml(new CloudFormationConstructor()).load(in);
        }
        resources = map(template.get("Resources"));
        globals = map(map(template.get("Globals")).get("Function"));
    }

    // --- the functions

    @Test
    void everyFunctionDefinitionNamesAFunctionBeanAndEveryBeanIsDeployed() {
        Set<String> beans = new TreeSet<>();
        for (Method method : FormasiApplication.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Bean.class) && Function.class.isAssignableFrom(method.getReturnType())) {
                beans.add(method.getName());
            }
        }
        assertThat(functions().keySet()).containsExactlyInAnyOrderElementsOf(beans);
    }

    @Test
    void functionsRunJava21FromOneJarWithSnapStartOnAnAliasAndKeptLogs() throws Exception {
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        String handler = (String) globals.get("Handler");
        String[] parts = handler.split("::");
        // Our entry point, which reads the event bytes as they are (not FunctionInvoker, which lets headers in).
        assertThat(parts[0]).isEqualTo(LambdaHandler.class.getName());
        assertThat(Class.forName(parts[0]).getMethod(parts[1], InputStream.class, java.io.OutputStream.class,
                com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
        assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isNotNull();
        String makefile = Files.readString(repositoryFile("Makefile"));
        functions().forEach((definition, logicalId) -> {
            Map<String, Object> function = resource(logicalId);
            Map<String, Object> properties = map(function.get("Properties"));
            assertThat(properties).doesNotContainKeys("Runtime", "Handler", "CodeUri");
            assertThat(map(function.get("Metadata")).get("BuildMethod")).isEqualTo("makefile");
            assertThat(makefile).contains("build-" + logicalId);
            String logGroup = ref(map(properties.get("LoggingConfig")).get("LogGroup"));
            assertThat(resource(logGroup).get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(ref(map(resource(logGroup).get("Properties")).get("RetentionInDays"))).isEqualTo("LogRetentionDays");
            assertThat((Integer) properties.get("MemorySize")).isBetween(512, 10240);
        });
        // An HTTP API integration gives up after 30 s.
        assertThat((Integer) properties("api").get("Timeout")).isLessThan(30);
        // The solve runs the largest budget a request may ask plus the lease grace (load and store), within
        // Lambda's 15 minutes.
        Duration maxBudget = Duration.parse("PT" + defaultOf(FormasiProperties.Solve.class, "maxBudget").toUpperCase(Locale.ROOT));
        Duration grace = Duration.parse("PT" + defaultOf(FormasiProperties.Solve.class, "leaseGrace").toUpperCase(Locale.ROOT));
        assertThat((Integer) properties("solve").get("Timeout")).isEqualTo((int) maxBudget.plus(grace).toSeconds())
                .isLessThanOrEqualTo(900);
    }

    private static String defaultOf(Class<?> record, String component) {
        RecordComponent[] components = record.getRecordComponents();
        try {
            java.lang.reflect.Parameter[] parameters = record.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(component)) {
                    return parameters[i].getAnnotation(DefaultValue.class).value()[0];
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(component);
    }

    @Test
    void everySettingTheCodeNeedsIsSetAndEveryFormasiSettingExists() {
        Set<String> known = new HashSet<>();
        Set<String> required = new HashSet<>(Set.of("SPRING_CLOUD_FUNCTION_DEFINITION",
                "FORMASI_BACKEND", "FORMASI_SNAPSHOT_BUCKET"));
        settings("FORMASI", FormasiProperties.class, known, required);
        functions().forEach((definition, logicalId) -> {
            Map<String, Object> environment = environment(logicalId);
            assertThat(environment).as(logicalId).containsKeys(required.toArray(String[]::new));
            assertThat(environment.get("FORMASI_BACKEND")).isEqualTo("aws");
            assertThat(environment.get("SPRING_CLOUD_FUNCTION_DEFINITION")).isEqualTo(definition);
            environment.keySet().stream().filter(name -> name.startsWith("FORMASI_"))
                    .forEach(name -> assertThat(known).as("a setting named %s", name).contains(name));
        });
        assertThat(ref(environment("ApiFunction").get("FORMASI_SNAPSHOT_BUCKET"))).isEqualTo("DataBucket");
        assertThat(ref(environment("ApiFunction").get("FORMASI_AWS_TABLE"))).isEqualTo("Table");
        assertThat(ref(environment("ApiFunction").get("FORMASI_AWS_SOLVE_QUEUE_URL"))).isEqualTo("SolveQueue");
        // The tenant of a request is the token's claim this parameter names.
        assertThat(ref(environment("ApiFunction").get("FORMASI_TENANT_CLAIM"))).isEqualTo("TenantClaim");
    }

    // --- the API

    @Test
    void theHttpApiEventsAreTheRouteTableAndTheAuthorizerFollowsItsAccessTable() throws Exception {
        Map<String, Role> routes = new TreeMap<>();
        // The table needs no service to be listed: whatever the constructor takes, nulls do.
        var constructor = Routes.class.getConstructors()[0];
        Routes table = (Routes) constructor.newInstance(new Object[constructor.getParameterCount()]);
        for (Route route : table.table()) {
            routes.put(route.method() + " " + route.template(), Access.role(route));
        }
        Map<String, Boolean> events = new TreeMap<>();
        functions().forEach((definition, logicalId) -> map(properties(definition).get("Events")).values().stream()
                .map(TemplateTest::map).filter(event -> "HttpApi".equals(event.get("Type"))).forEach(event -> {
                    assertThat(definition).isEqualTo("api");
                    Map<String, Object> properties = map(event.get("Properties"));
                    assertThat(ref(properties.get("ApiId"))).isEqualTo("HttpApi");
                    String route = properties.get("Method") + " " + properties.get("Path");
                    // Scopes would refuse the ID tokens the page sends (they carry none): roles are groups.
                    Map<String, Object> auth = properties.containsKey("Auth") ? map(properties.get("Auth")) : Map.of();
                    assertThat(auth.keySet()).as(route).isSubsetOf(Set.of("Authorizer"));
                    events.put(route, "NONE".equals(auth.get("Authorizer")));
                }));
        assertThat(events.keySet()).isEqualTo(routes.keySet());
        // No token exactly where the table says public: the page, its files, the API's description, /config.
        events.forEach((route, open) -> assertThat(open).as(route).isEqualTo(routes.get(route) == Role.PUBLIC));
        assertThat(routes).containsEntry("POST /plans/{id}/decision", Role.PENYETUJU)
                .containsEntry("PUT /plans/{id}/pins", Role.PERENCANA).containsEntry("GET /plans", Role.PENGAMAT);

        Map<String, Object> api = map(resource("HttpApi").get("Properties"));
        Map<String, Object> auth = map(api.get("Auth"));
        String authorizer = (String) auth.get("DefaultAuthorizer");
        Map<String, Object> jwt = map(map(map(auth.get("Authorizers")).get(authorizer)).get("JwtConfiguration"));
        // The function checks the groups of the very tokens the authorizer let in: same issuer, same client.
        Map<String, Object> environment = environment("ApiFunction");
        assertThat(ref(jwt.get("issuer"))).isEqualTo("JwtIssuer").isEqualTo(ref(environment.get("FORMASI_AUTH_ISSUER")));
        assertThat(list(jwt.get("audience"))).hasSize(1);
        assertThat(ref(list(jwt.get("audience")).getFirst())).isEqualTo("JwtAudience")
                .isEqualTo(ref(environment.get("FORMASI_AUTH_CLIENT_ID")));
        assertThat(ref(environment.get("FORMASI_AUTH_GROUPS_CLAIM"))).isEqualTo("GroupsClaim");
        assertThat(map(map(template.get("Parameters")).get("GroupsClaim")).get("Default"))
                .isEqualTo(defaultOf(FormasiProperties.Auth.class, "groupsClaim"));
    }

    // --- permissions

    @Test
    void eachFunctionIsGrantedExactlyWhatItsAdaptersCall() {
        functions().forEach((definition, logicalId) -> {
            Set<AwsPermissions.Grant> granted = new HashSet<>();
            for (Object policy : list(properties(definition).get("Policies"))) {
                assertThat(policy).as("%s: inline statements only, no managed or template policies", logicalId)
                        .isInstanceOf(Map.class);
                for (Object item : list(map(policy).get("Statement"))) {
                    Map<String, Object> statement = map(item);
                    assertThat(statement.get("Effect")).isEqualTo("Allow");
                    for (String action : strings(statement.get("Action"))) {
                        assertThat(action).doesNotContain("*");
                        for (Object resource : statement.get("Resource") instanceof List<?> many ? many : List.of(statement.get("Resource"))) {
                            granted.add(new AwsPermissions.Grant(action, resourceRole(resource)));
                        }
                    }
                }
            }
            assertThat(granted).as(logicalId).containsExactlyInAnyOrderElementsOf(AwsPermissions.FUNCTIONS.get(definition));
        });
    }

    private static String resourceRole(Object resource) {
        Map<String, Object> expression = map(resource);
        if (expression.containsKey("Fn::GetAtt")) {
            List<String> attribute = strings(expression.get("Fn::GetAtt"));
            String role = switch (attribute.getFirst()) {
                case "DataBucket" -> AwsPermissions.BUCKET;
                case "Table" -> AwsPermissions.TABLE;
                case "SolveQueue" -> AwsPermissions.QUEUE;
                default -> "unknown " + attribute;
            };
            assertThat(attribute.get(1)).isEqualTo("Arn");
            return role;
        }
        String sub = (String) expression.get("Fn::Sub");
        return switch (sub) {
            case "${DataBucket.Arn}/snapshots/*" -> AwsPermissions.SNAPSHOTS;
            case "${DataBucket.Arn}/plans/*" -> AwsPermissions.PLANS;
            case "${Table.Arn}/index/" + Table.INDEX -> AwsPermissions.INDEX;
            default -> "unknown " + sub;
        };
    }

    // --- the resources the adapters expect

    @Test
    void theTableIsTheAdaptersSingleTable() {
        Map<String, Object> table = map(resource("Table").get("Properties"));
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(map(table.get("TimeToLiveSpecification"))).containsEntry("AttributeName", Table.TTL_ATTRIBUTE)
                .containsEntry("Enabled", true);
        assertThat(keys(table.get("KeySchema"))).containsExactly(Table.PARTITION_KEY + " HASH", Table.SORT_KEY + " RANGE");
        List<Object> indexes = list(table.get("GlobalSecondaryIndexes"));
        assertThat(indexes).hasSize(1);
        Map<String, Object> index = map(indexes.getFirst());
        assertThat(index.get("IndexName")).isEqualTo(Table.INDEX);
        assertThat(keys(index.get("KeySchema"))).containsExactly(Table.INDEX_PARTITION_KEY + " HASH",
                Table.INDEX_SORT_KEY + " RANGE");
        assertThat(map(index.get("Projection")).get("ProjectionType")).isEqualTo("ALL");
    }

    @Test
    void theAuditTrailSurvivesAStackDeleteAReplacementAndADeleteTableCall() {
        Map<String, Object> table = resource("Table");
        assertThat(table).containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(map(table.get("Properties")).get("DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(resource("DataBucket")).containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void alarmsOnTheDeadLetterQueueEachFunctionsErrorsAndApi5xxTellTheTopicGivenAsAParameter() {
        assertThat(map(map(template.get("Parameters")).get("AlarmTopicArn"))).containsEntry("Type", "String")
                .doesNotContainKey("Default");
        // What each alarm watches: namespace, metric and the resource its dimension names.
        Set<String> watched = new HashSet<>();
        resources.forEach((name, value) -> {
            Map<String, Object> resource = map(value);
            if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> alarm = map(resource.get("Properties"));
            assertThat(list(alarm.get("AlarmActions"))).as(name).hasSize(1)
                    .allMatch(action -> "AlarmTopicArn".equals(ref(action)));
            assertThat(list(alarm.get("OKActions"))).as(name).allMatch(action -> "AlarmTopicArn".equals(ref(action)));
            assertThat(alarm.get("TreatMissingData")).as(name).isEqualTo("notBreaching");
            assertThat(alarm.get("ComparisonOperator")).as(name).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(alarm.get("Threshold")).as(name).isEqualTo(1);
            Object dimension = map(list(alarm.get("Dimensions")).getFirst()).get("Value");
            String target = dimension instanceof Map<?, ?> getAtt && getAtt.containsKey("Fn::GetAtt")
                    ? strings(map(dimension).get("Fn::GetAtt")).getFirst() : ref(dimension);
            watched.add(alarm.get("Namespace") + " " + alarm.get("MetricName") + " " + target);
        });
        Set<String> expected = new HashSet<>(Set.of(
                "AWS/SQS ApproximateNumberOfMessagesVisible SolveDeadLetterQueue",
                "AWS/SQS NumberOfMessagesReceived SolveDeadLetterQueue",
                "AWS/SQS ApproximateNumberOfMessagesVisible SnapshotEventsDeadLetterQueue",
                "AWS/ApiGateway 5xx HttpApi"));
        functions().values().forEach(function -> expected.add("AWS/Lambda Errors " + function));
        assertThat(watched).containsExactlyInAnyOrderElementsOf(expected);
    }

    void solveJobsRetryThreeTimesThenGoToTheDeadLetterQueueWhoseConsumerFailsThePlan() {
        Map<String, Object> queue = map(resource("SolveQueue").get("Properties"));
        int solveTimeout = (Integer) properties("solve").get("Timeout");
        // A job comes back only after its attempt ended (and its lease ran out), and soon after: within 15 min.
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThan(solveTimeout).isLessThanOrEqualTo(900);
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(3);
        assertThat(strings(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")))
                .containsExactly("SolveDeadLetterQueue", "Arn");
        assertThat(resource("SolveDeadLetterQueue").get("Type")).isEqualTo("AWS::SQS::Queue");
        Map<String, Object> event = map(map(properties("solve").get("Events")).values().iterator().next());
        assertThat(event.get("Type")).isEqualTo("SQS");
        Map<String, Object> properties = map(event.get("Properties"));
        assertThat(strings(map(properties.get("Queue")).get("Fn::GetAtt"))).containsExactly("SolveQueue", "Arn");
        assertThat(list(properties.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");

        Map<String, Object> deadLetters = map(map(properties("solveFailed").get("Events")).get("DeadLetters"));
        assertThat(deadLetters.get("Type")).isEqualTo("SQS");
        assertThat(strings(map(map(deadLetters.get("Properties")).get("Queue")).get("Fn::GetAtt")))
                .containsExactly("SolveDeadLetterQueue", "Arn");
        // An event source needs the queue's visibility timeout (SQS's default 30 s) at least the function's.
        assertThat((Integer) properties("solveFailed").get("Timeout")).isLessThanOrEqualTo(30);
    }

    @Test
    void snapshotEventsAreRetriedThenDeadLetteredAndTheirClaimRunsOutBeforeTheLastRetry() {
        Map<String, Object> rule = map(map(map(properties("snapshotChanged").get("Events")).get("SnapshotCreated"))
                .get("Properties"));
        assertThat((Integer) map(rule.get("RetryPolicy")).get("MaximumRetryAttempts")).isPositive();
        assertThat(strings(map(map(rule.get("DeadLetterConfig")).get("Arn")).get("Fn::GetAtt")))
                .containsExactly("SnapshotEventsDeadLetterQueue", "Arn");
        Map<String, Object> invoke = map(properties("snapshotChanged").get("EventInvokeConfig"));
        assertThat(invoke.get("MaximumRetryAttempts")).isEqualTo(2);
        Map<String, Object> onFailure = map(map(invoke.get("DestinationConfig")).get("OnFailure"));
        assertThat(strings(map(onFailure.get("Destination")).get("Fn::GetAtt")))
                .containsExactly("SnapshotEventsDeadLetterQueue", "Arn");
        // Lambda retries a failed event 1 minute after the failure, and again 2 minutes after that. A claim that
        // outlives a run (the timeout) but not the wait for the last retry: an invocation that died holding it
        // is followed by one that retakes it.
        long timeout = (Integer) properties("snapshotChanged").get("Timeout");
        long held = id.formasi.infra.aws.DynamoIdempotencyStore.IN_PROGRESS_FOR.toSeconds();
        assertThat(held).isGreaterThan(timeout).isLessThan(60 + 120);
        Map<String, Object> policy = map(resource("SnapshotEventsDeadLetterQueuePolicy").get("Properties"));
        Map<String, Object> statement = map(list(map(policy.get("PolicyDocument")).get("Statement")).getFirst());
        assertThat(map(statement.get("Principal")).get("Service")).isEqualTo("events.amazonaws.com");
    }

    @Test
    void theBucketIsPrivateVersionedEncryptedAndTellsEventBridgeOfNewSnapshots() {
        Map<String, Object> bucket = map(resource("DataBucket").get("Properties"));
        assertThat(map(bucket.get("VersioningConfiguration")).get("Status")).isEqualTo("Enabled");
        assertThat(map(bucket.get("BucketEncryption"))).containsKey("ServerSideEncryptionConfiguration");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")).values()).hasSize(4).containsOnly(true);
        assertThat(map(map(bucket.get("NotificationConfiguration")).get("EventBridgeConfiguration"))
                .get("EventBridgeEnabled")).isEqualTo(true);

        Map<String, Object> rule = map(map(properties("snapshotChanged").get("Events")).get("SnapshotCreated"));
        assertThat(rule.get("Type")).isEqualTo("EventBridgeRule");
        Map<String, Object> pattern = map(map(rule.get("Properties")).get("Pattern"));
        assertThat(strings(pattern.get("source"))).containsExactly("aws.s3");
        assertThat(strings(pattern.get("detail-type"))).containsExactly("Object Created");
        Map<String, Object> detail = map(pattern.get("detail"));
        assertThat(ref(list(map(detail.get("bucket")).get("name")).getFirst())).isEqualTo("DataBucket");
        assertThat(map(list(map(detail.get("object")).get("key")).getFirst()).get("prefix")).isEqualTo(SnapshotStore.PREFIX);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> names = new HashSet<>(resources.keySet());
        names.addAll(map(template.get("Parameters")).keySet());
        names.add("AWS::Region");
        names.add("AWS::URLSuffix");
        names.add("AWS::AccountId");
        List<String> refs = new ArrayList<>();
        collectReferences(template, refs);
        assertThat(refs).isNotEmpty();
        refs.forEach(name -> assertThat(names).as("a reference to %s", name).contains(name));
    }

    private static void collectReferences(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Ref".equals(key)) {
                    refs.add((String) value);
                } else if ("Fn::GetAtt".equals(key)) {
                    refs.add(strings(value).getFirst());
                } else if ("Fn::Sub".equals(key) && value instanceof String text) {
                    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\$\\{([^}.!]+)").matcher(text);
                    while (matcher.find()) {
                        refs.add(matcher.group(1));
                    }
                } else {
                    collectReferences(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, refs));
        }
    }

    // --- reading the template

    /** Function definition → logical id. */
    private static Map<String, String> functions() {
        Map<String, String> functions = new LinkedHashMap<>();
        resources.forEach((logicalId, value) -> {
            if ("AWS::Serverless::Function".equals(map(value).get("Type"))) {
                Object definition = environment(logicalId).get("SPRING_CLOUD_FUNCTION_DEFINITION");
                assertThat(definition).as("%s names its bean", logicalId).isInstanceOf(String.class);
                assertThat(functions.put((String) definition, logicalId)).as("one function per bean").isNull();
            }
        });
        return functions;
    }

    private static Map<String, Object> properties(String definition) {
        return map(resource(functions().get(definition)).get("Properties"));
    }

    /** Globals' variables with the function's own over them, as SAM merges them. */
    private static Map<String, Object> environment(String logicalId) {
        Map<String, Object> merged = new HashMap<>(map(map(globals.get("Environment")).get("Variables")));
        Object own = map(resource(logicalId).get("Properties")).get("Environment");
        if (own != null) {
            merged.putAll(map(map(own).get("Variables")));
        }
        return merged;
    }

    /**
     * The environment names of a settings record (relaxed binding: {@code formasi.aws.solve-queue-url} is
     * {@code FORMASI_AWS_SOLVE_QUEUE_URL}); {@code required} gains the text settings without a default.
     */
    private static void settings(String prefix, Class<?> type, Set<String> known, Set<String> required) {
        RecordComponent[] components = type.getRecordComponents();
        java.lang.reflect.Parameter[] parameters;
        try {
            parameters = type.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + "_" + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                settings(name, component.getType(), known, required);
                continue;
            }
            known.add(name);
            if (!parameters[i].isAnnotationPresent(DefaultValue.class) && component.getType() == String.class) {
                required.add(name);
            }
        }
    }

    private static Map<String, Object> resource(String logicalId) {
        assertThat(resources).containsKey(logicalId);
        return map(resources.get(logicalId));
    }

    private static List<String> keys(Object schema) {
        return list(schema).stream().map(TemplateTest::map)
                .map(key -> key.get("AttributeName") + " " + key.get("KeyType")).toList();
    }

    private static String ref(Object value) {
        return (String) map(value).get("Ref");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> many ? many.stream().map(String.class::cast).toList() : List.of((String) value);
    }

    static Path repositoryFile(String name) {
        for (Path candidate : new Path[] {Path.of("..", name), Path.of(name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found");
    }

    /** SnakeYAML with CloudFormation's short forms: {@code !Ref X} reads as {@code {Ref: X}}, {@code !Sub s} as {@code {Fn::Sub: s}}. */
    static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("Base64", "Cidr", "Equals", "FindInMap", "GetAtt", "GetAZs", "ImportValue",
                    "Join", "Select", "Split", "Sub", "Transform", "And", "If", "Not", "Or")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        value = List.of(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
