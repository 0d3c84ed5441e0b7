package id.formasi.functions.local;

import id.formasi.functions.FormasiProperties;
import id.formasi.functions.FunctionEvents;
import id.formasi.functions.api.Routes;
import id.formasi.functions.planning.SolveService;
import id.formasi.infra.local.LocalBackend;
import id.formasi.infra.local.LocalSnapshotUploads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the local runtime with the local backend, unless switched off (Lambda, function tests). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${formasi.backend:local}' == 'local' and ${formasi.local.runtime:true}")
class LocalRuntimeConfiguration {

    @Bean
    LocalRuntime localRuntime(FunctionEvents functions, LocalBackend backend, LocalSnapshotUploads uploads,
            FormasiProperties properties, SolveService solves, Routes routes) {
        return new LocalRuntime(functions, backend, new LocalUploadReceiver(uploads, backend.snapshots()), properties,
                solves, routes.table());
    }
}
