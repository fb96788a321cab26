package vn.hoctap.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}, described at {@code /openapi}. Scripts and other systems call
 * it with HTTP Basic and an account's credentials; a signed-in browser with its session. Every
 * resource checks the same scoped roles as the pages (the services do).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "hoctap API", version = "1",
                description = "People, organisation and job positions of the Sơn La lifelong-learning platform."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {
}
