package id.formasi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import id.formasi.functions.planning.SnapshotArrivals;
import id.formasi.solver.snapshot.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * The one way into the functions, on Lambda ({@link LambdaHandler}) and in the local runtime alike: the raw
 * event JSON is read into its event type, exactly as AWS wrote it, and handed to the function bean; the answer
 * is written back as JSON. Nothing in the event's headers or body is read at this level, so no header or body
 * can change the route, the method, the claims or the body the api function sees. Event types are read with
 * the Lambda runtime's own serializers ({@code aws-lambda-java-serialization}), which know AWS's field names.
 */
@Component
public class FunctionEvents {

    public static final List<String> FUNCTIONS = List.of("api", "solve", "snapshotChanged", "solveFailed");

    private static final ClassLoader LOADER = FunctionEvents.class.getClassLoader();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> HTTP_EVENT =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER);
    private static final PojoSerializer<APIGatewayV2HTTPResponse> HTTP_RESPONSE =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);
    private static final PojoSerializer<SQSEvent> SQS_EVENT = LambdaEventSerializers.serializerFor(SQSEvent.class, LOADER);
    private static final PojoSerializer<SQSBatchResponse> SQS_RESPONSE =
            LambdaEventSerializers.serializerFor(SQSBatchResponse.class, LOADER);

    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final Function<Message<SQSEvent>, SQSBatchResponse> solve;
    private final Function<S3ObjectCreated, SnapshotArrivals.Result> snapshotChanged;
    private final Function<SQSEvent, SQSBatchResponse> solveFailed;

    public FunctionEvents(@Qualifier("api") Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
            @Qualifier("solve") Function<Message<SQSEvent>, SQSBatchResponse> solve,
            @Qualifier("snapshotChanged") Function<S3ObjectCreated, SnapshotArrivals.Result> snapshotChanged,
            @Qualifier("solveFailed") Function<SQSEvent, SQSBatchResponse> solveFailed) {
        this.api = api;
        this.solve = solve;
        this.snapshotChanged = snapshotChanged;
        this.solveFailed = solveFailed;
    }

    /**
     * Invokes one function with one raw event.
     *
     * @param context the Lambda context (the solve function reads its remaining time), or null off Lambda
     */
    public byte[] invoke(String function, byte[] event, Context context) {
        // Every line logged for this event names it: Lambda's request id, or one of our own off Lambda.
        MDC.put("requestId", context != null && context.getAwsRequestId() != null ? context.getAwsRequestId()
                : UUID.randomUUID().toString());
        MDC.put("function", function);
        try {
            return apply(function, event, context);
        } finally {
            MDC.remove("requestId");
            MDC.remove("function");
        }
    }

    private byte[] apply(String function, byte[] event, Context context) {
        return switch (function) {
            case "api" -> write(HTTP_RESPONSE, api.apply(HTTP_EVENT.fromJson(new ByteArrayInputStream(event))));
            case "solve" -> write(SQS_RESPONSE, solve.apply(MessageBuilder
                    .withPayload(SQS_EVENT.fromJson(new ByteArrayInputStream(event)))
                    .setHeader("aws-context", context).build()));
            case "snapshotChanged" ->
                    Json.MAPPER.writeValueAsBytes(snapshotChanged.apply(Json.MAPPER.readValue(event, S3ObjectCreated.class)));
            case "solveFailed" -> write(SQS_RESPONSE, solveFailed.apply(SQS_EVENT.fromJson(new ByteArrayInputStream(event))));
            default -> throw new IllegalArgumentException("no function " + function + "; one of " + FUNCTIONS);
        };
    }

    // --- the event JSON the local runtime sends, and the answers it reads, in AWS's own field names

    public static byte[] json(APIGatewayV2HTTPEvent event) {
        return write(HTTP_EVENT, event);
    }

    public static byte[] json(SQSEvent event) {
        return write(SQS_EVENT, event);
    }

    public static APIGatewayV2HTTPResponse httpResponse(byte[] json) {
        return HTTP_RESPONSE.fromJson(new ByteArrayInputStream(json));
    }

    public static SQSBatchResponse batchResponse(byte[] json) {
        return SQS_RESPONSE.fromJson(new ByteArrayInputStream(json));
    }

    private static <T> byte[] write(PojoSerializer<T> serializer, T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toByteArray();
    }
}
