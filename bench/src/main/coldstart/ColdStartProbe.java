import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import id.formasi.functions.LambdaHandler;

/**
 * One cold Lambda invocation, as the runtime does it: a fresh JVM on the Lambda package's classpath,
 * LambdaHandler (the handler template.yaml names) for one function, one event in, one answer out.
 * Compiled and run by the benchmark (id.formasi.bench.ColdStart), which times it from process start to the answer line.
 * Arguments: function name, event file, data folder.
 */
public class ColdStartProbe {

    public static void main(String[] args) throws Exception {
        System.setProperty("spring.cloud.function.definition", args[0]);
        System.setProperty("formasi.data-dir", args[2]);
        System.setProperty("formasi.local.runtime", "false");
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        LambdaHandler invoker = new LambdaHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event), out, new ProbeContext(args[0]));
        String answer = out.toString(StandardCharsets.UTF_8);
        System.out.println("ANSWER " + answer.length() + " bytes: "
                + answer.substring(0, Math.min(80, answer.length())).replace('\n', ' '));
    }

    /** A function with 15 minutes left. */
    record ProbeContext(String name) implements Context {
        public String getAwsRequestId() { return "cold-start"; }
        public String getLogGroupName() { return "/aws/lambda/" + name; }
        public String getLogStreamName() { return "cold-start"; }
        public String getFunctionName() { return name; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:ap-southeast-3:000000000000:function:" + name; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 900_000; }
        public int getMemoryLimitInMB() { return 2048; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.err.print(message); }
                public void log(byte[] message) { System.err.write(message, 0, message.length); }
            };
        }
    }
}
