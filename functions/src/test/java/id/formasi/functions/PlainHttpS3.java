package id.formasi.functions;

import id.formasi.infra.aws.AwsEnvironment;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Test wiring: the S3 client settings plain-http emulators need, when a test asks for them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "formasi.test.plain-http-s3", havingValue = "true")
class PlainHttpS3 {

    @Bean
    Consumer<S3ClientBuilder> plainHttpS3Settings() {
        return AwsEnvironment::plainHttp;
    }
}
