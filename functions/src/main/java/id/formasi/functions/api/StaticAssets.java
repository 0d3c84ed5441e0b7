package id.formasi.functions.api;

import id.formasi.functions.planning.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The planners' review page: {@code static/index.html} for {@code GET /} and the files under
 * {@code static/assets/} for {@code GET /assets/{name}}, read from the classpath (no CDN, works offline); and the
 * API's own description ({@code GET /openapi.yaml}, {@code GET /snapshot.schema.json}).
 */
final class StaticAssets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json",
            "yaml", "application/yaml; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon");

    private StaticAssets() {
    }

    static Response index(Request request) {
        return file("static/index.html", "index.html");
    }

    static Response asset(Request request) {
        String name = request.pathParameter("name");
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw Failure.notFound("no asset " + RequestLimits.echo(name));
        }
        return file("static/assets/" + name, name);
    }

    /** The API's description, docs/openapi.yaml, which the build copies onto the classpath: one copy, always current. */
    static Response openApi(Request request) {
        return file("docs/openapi.yaml", "openapi.yaml");
    }

    /** The snapshot's JSON Schema, which openapi.yaml refers to by the relative name snapshot.schema.json. */
    static Response snapshotSchema(Request request) {
        return file("docs/snapshot.schema.json", "snapshot.schema.json");
    }

    private static Response file(String resource, String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            throw Failure.notFound("no asset " + RequestLimits.echo(name));
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw Failure.notFound("no asset " + RequestLimits.echo(name));
            }
            return new Response(200, new Asset(in.readAllBytes(), type),
                    Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
