package id.formasi.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Lambda entry point of every function (template.yaml names it). Lambda creates one instance per
 * execution environment, during the init phase: the application starts here, so SnapStart's snapshot holds it
 * started and primed ({@link SnapStartPriming}). Each invocation hands the event bytes, untouched, to
 * {@link FunctionEvents} for the function {@code SPRING_CLOUD_FUNCTION_DEFINITION} names.
 */
public class LambdaHandler implements RequestStreamHandler {

    private final String function;
    private final FunctionEvents events;

    public LambdaHandler() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FormasiApplication.class).run();
        // Read once: the environment may change under a running context (system properties are live).
        this.function = context.getEnvironment().getProperty("spring.cloud.function.definition", "");
        if (!FunctionEvents.FUNCTIONS.contains(function)) {
            context.close();
            throw new IllegalStateException("SPRING_CLOUD_FUNCTION_DEFINITION must be one of "
                    + FunctionEvents.FUNCTIONS + ", not '" + function + "'");
        }
        this.events = context.getBean(FunctionEvents.class);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(events.invoke(function, input.readAllBytes(), context));
    }
}
