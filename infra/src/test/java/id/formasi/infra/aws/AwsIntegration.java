package id.formasi.infra.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against an AWS-compatible service: LocalStack (Testcontainers) where a Docker engine
 * is, the embedded emulators (S3Mock, ElasticMQ, dynalite) otherwise. Test methods take an
 * {@link AwsEnvironment} parameter. {@code @AwsIntegration(AwsEnvironment.Target.LOCALSTACK)} (or
 * {@code -Dformasi.aws.target=localstack}) insists on LocalStack and is disabled without Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwsEnvironment.Extension.class)
@Tag("aws")
public @interface AwsIntegration {

    AwsEnvironment.Target value() default AwsEnvironment.Target.AUTO;
}
