package id.formasi.functions;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Records every AWS call a function makes during a test, as the IAM action and resource it needs (see
 * {@link AwsPermissions}). Installed for all SDK clients of the test JVM by
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; calls outside a function are not kept.
 */
public class RecordingInterceptor implements ExecutionInterceptor {

    static final Map<String, Set<AwsPermissions.Grant>> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String function = Lambda.CURRENT.get();
        if (function == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Object request = context.request();
        AwsPermissions.Grant grant = switch (service) {
            // "s3" is the presigner's name for it: the presigned PUT is authorised as this function's role.
            case "S3", "s3" -> {
                String key = request instanceof GetObjectRequest get ? get.key()
                        : request instanceof PutObjectRequest put ? put.key() : "";
                String action = request instanceof GetObjectRequest get && get.versionId() != null
                        ? "s3:GetObjectVersion" : "s3:" + operation;
                yield new AwsPermissions.Grant(action, key.startsWith("plans/") ? AwsPermissions.PLANS
                        : key.startsWith("snapshots/") ? AwsPermissions.SNAPSHOTS : "bucket:" + key);
            }
            case "DynamoDb" -> {
                boolean index = (request instanceof QueryRequest query && query.indexName() != null)
                        || (request instanceof ScanRequest scan && scan.indexName() != null);
                yield new AwsPermissions.Grant("dynamodb:" + operation, index ? AwsPermissions.INDEX : AwsPermissions.TABLE);
            }
            case "Sqs" -> new AwsPermissions.Grant("sqs:" + operation, AwsPermissions.QUEUE);
            default -> new AwsPermissions.Grant(service + ":" + operation, "?");
        };
        CALLS.computeIfAbsent(function, name -> ConcurrentHashMap.newKeySet()).add(grant);
    }
}
